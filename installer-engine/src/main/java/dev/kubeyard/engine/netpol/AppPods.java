package dev.kubeyard.engine.netpol;

import java.util.LinkedHashMap;
import java.util.Map;

/** The labels that select each app's pods: the apps' manifests and the flows that name them share these. */
public final class AppPods {
  private AppPods() {}

  /** The platform gateway's pods (python-service/). */
  public static Map<String, String> gateway() {
    return ordered("app.kubernetes.io/name", "platform-gateway", "app.kubernetes.io/instance", "platform-gateway");
  }

  /** Every pod of the Elasticsearch cluster named after the Kubernetes cluster (all roles). */
  public static Map<String, String> elasticsearch(String clusterName) {
    return ordered("app.kubernetes.io/name", "elasticsearch", "app.kubernetes.io/instance", clusterName);
  }

  /** Every replica of the SQL Server availability group {@code group} (ADR 41). */
  public static Map<String, String> sqlServer(String group) {
    return ordered("app.kubernetes.io/name", "mssql", "app.kubernetes.io/instance", group);
  }

  /** The failover controller of the availability group {@code group}, in the group's namespace (ADR 41). */
  public static Map<String, String> sqlServerController(String group) {
    return ordered("app.kubernetes.io/name", "mssql-ag-controller", "app.kubernetes.io/instance", group);
  }

  private static Map<String, String> ordered(String k1, String v1, String k2, String v2) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }
}

package dev.kubeyard.engine.apps.sqlserver;

import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;

/**
 * Every object of the availability group but its Secrets (which hold keys and are made from the PKI, see
 * {@link GroupSecrets}), in apply order: the namespace and its policies first, so no replica runs unpoliced.
 */
public final class SqlServerManifests {
  private SqlServerManifests() {}

  public static List<Manifest> render(SqlServerDeployment d) {
    List<Manifest> out = new ArrayList<>();
    out.add(new Manifest("namespace.yaml", GroupObjects.namespace(d)));
    out.addAll(GroupNetworkPolicies.of(d));
    out.add(new Manifest("configmap-mssql-conf.yaml", GroupObjects.config(d)));
    out.add(new Manifest("service-headless.yaml", GroupServices.headless(d)));
    for (int i = 0; i < d.replicas(); i++) {
      out.add(new Manifest("service-" + d.names().pod(i) + ".yaml", GroupServices.replica(d, i)));
    }
    out.add(new Manifest("service-primary.yaml", GroupServices.role(d, AgLabels.PRIMARY)));
    out.add(new Manifest("service-secondary.yaml", GroupServices.role(d, AgLabels.SECONDARY)));
    out.add(new Manifest("poddisruptionbudget.yaml", GroupObjects.budget(d)));
    out.add(new Manifest("statefulset.yaml", GroupStatefulSet.of(d)));
    return out;
  }
}

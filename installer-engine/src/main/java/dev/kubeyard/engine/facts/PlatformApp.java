package dev.kubeyard.engine.facts;

import dev.kubeyard.model.spec.AppsSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * An application the spec asks for, in the words an administrator reads on the topology picture: its
 * name, what it runs (version, pods) and the host name the Ingress serves it under (null when none).
 * Every one of them runs Linux images, so it lands on the Linux workers (the deployers' nodeSelector).
 */
public record PlatformApp(String name, String workload, String ingressHost) {

  /** The enabled apps in the spec's order (Elasticsearch, SQL Server, GitLab, Python service). */
  static List<PlatformApp> of(AppsSpec apps) {
    List<PlatformApp> out = new ArrayList<>();
    if (apps == null) {
      return out;
    }
    var es = apps.elasticsearch();
    if (es != null && !Boolean.FALSE.equals(es.enabled())) {
      out.add(new PlatformApp("Elasticsearch", es.version() + ": " + es.masters() + " master, " + es.data()
          + " data, " + es.ingest() + " ingest", es.ingressHost()));
    }
    var sql = apps.sqlserver();
    if (sql != null && !Boolean.FALSE.equals(sql.enabled())) {
      out.add(new PlatformApp("SQL Server", sql.version() + ": availability group " + sql.availabilityGroup()
          + ", " + sql.replicas() + " replicas", null));
    }
    var gitlab = apps.gitlab();
    if (gitlab != null && !Boolean.FALSE.equals(gitlab.enabled())) {
      out.add(new PlatformApp("GitLab", gitlab.version() + ": " + gitlab.webserviceReplicas() + " webservice, "
          + gitlab.sidekiqReplicas() + " sidekiq", gitlab.host()));
    }
    var py = apps.pythonService();
    if (py != null && !Boolean.FALSE.equals(py.enabled())) {
      out.add(new PlatformApp("Python service", py.replicas() + " replicas", py.host()));
    }
    return List.copyOf(out);
  }
}

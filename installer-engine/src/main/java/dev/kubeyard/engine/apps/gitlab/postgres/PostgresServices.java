package dev.kubeyard.engine.apps.gitlab.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.facts.GitlabPostgres;

/**
 * The Services (ADR 42). {@code gitlab-postgres} has no selector: Patroni keeps its leader lock on the
 * Endpoints object of that name and writes the leader's address into it, and the Service keeps that
 * object from being removed. The headless {@code gitlab-postgres-members} gives each member a DNS name;
 * {@code -primary} and {@code -replicas} follow Patroni's role label; PgBouncer's is what GitLab connects to.
 */
final class PostgresServices {
  private PostgresServices() {}

  static ObjectNode leader(PostgresDeployment d) {
    ObjectNode svc = service(d, GitlabPostgres.NAME, PostgresLabels.members());
    port(svc.putObject("spec"), "postgresql", GitlabPostgres.PORT);
    return svc;
  }

  static ObjectNode members(PostgresDeployment d) {
    ObjectNode svc = service(d, GitlabPostgres.MEMBERS, PostgresLabels.members());
    ObjectNode spec = svc.putObject("spec").put("clusterIP", "None").put("publishNotReadyAddresses", true);
    spec.set("selector", PostgresLabels.members());
    port(spec, "postgresql", GitlabPostgres.PORT);
    spec.withArray("ports").addObject().put("name", "patroni").put("port", GitlabPostgres.PATRONI_PORT)
        .put("targetPort", GitlabPostgres.PATRONI_PORT);
    return svc;
  }

  static ObjectNode role(PostgresDeployment d, String name, String role) {
    ObjectNode svc = service(d, name, PostgresLabels.members());
    ObjectNode spec = svc.putObject("spec");
    spec.set("selector", PostgresLabels.members().put(PostgresLabels.ROLE, role));
    port(spec, "postgresql", GitlabPostgres.PORT);
    return svc;
  }

  static ObjectNode pgbouncer(PostgresDeployment d) {
    ObjectNode svc = service(d, GitlabPostgres.PGBOUNCER, PostgresLabels.pgbouncer());
    ObjectNode spec = svc.putObject("spec");
    spec.set("selector", PostgresLabels.pgbouncer());
    port(spec, "pgbouncer", GitlabPostgres.PGBOUNCER_PORT);
    return svc;
  }

  private static ObjectNode service(PostgresDeployment d, String name, ObjectNode labels) {
    ObjectNode svc = PostgresLabels.NODES.objectNode().put("apiVersion", "v1").put("kind", "Service");
    svc.set("metadata", PostgresLabels.metadata(d, name, labels));
    return svc;
  }

  private static void port(ObjectNode spec, String name, int port) {
    spec.withArray("ports").addObject().put("name", name).put("port", port).put("targetPort", port);
  }
}

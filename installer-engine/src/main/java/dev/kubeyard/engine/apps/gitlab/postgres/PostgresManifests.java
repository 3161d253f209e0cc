package dev.kubeyard.engine.apps.gitlab.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.AppNamespace;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.facts.GitlabPostgres;
import dev.kubeyard.engine.podsecurity.PodSecurityLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * Every object of GitLab's PostgreSQL but its Secrets ({@link PostgresSecrets}), in apply order (ADR 42):
 * the namespace, Patroni's account, the configuration, the Services (the leader's before any member can
 * take the lock), the budgets, the members, then PgBouncer.
 */
public final class PostgresManifests {
  private PostgresManifests() {}

  public static List<Manifest> render(PostgresDeployment d) {
    List<Manifest> out = new ArrayList<>();
    out.add(new Manifest("namespace.yaml", AppNamespace.of(d.namespace(), PostgresLabels.component("gitlab")
        .put("app.kubernetes.io/managed-by", "kubeyard"), PodSecurityLevel.RESTRICTED, d.kubernetes())));
    out.add(new Manifest("serviceaccount-patroni.yaml", PatroniAccess.serviceAccount(d)));
    out.add(new Manifest("role-patroni.yaml", PatroniAccess.role(d)));
    out.add(new Manifest("rolebinding-patroni.yaml", PatroniAccess.binding(d)));
    out.add(new Manifest("configmap-config-files.yaml", PatroniConfig.of(d)));
    out.add(new Manifest("service-leader.yaml", PostgresServices.leader(d)));
    out.add(new Manifest("service-members.yaml", PostgresServices.members(d)));
    out.add(new Manifest("service-primary.yaml",
        PostgresServices.role(d, GitlabPostgres.PRIMARY, PostgresLabels.PRIMARY)));
    out.add(new Manifest("service-replicas.yaml",
        PostgresServices.role(d, GitlabPostgres.REPLICAS, PostgresLabels.REPLICA)));
    out.add(new Manifest("service-pgbouncer.yaml", PostgresServices.pgbouncer(d)));
    out.add(new Manifest("poddisruptionbudget-members.yaml", budget(d, GitlabPostgres.NAME, PostgresLabels.members())));
    out.add(new Manifest("poddisruptionbudget-pgbouncer.yaml",
        budget(d, GitlabPostgres.PGBOUNCER, PostgresLabels.pgbouncer())));
    out.add(new Manifest("statefulset.yaml", MemberStatefulSet.of(d)));
    out.add(new Manifest("deployment-pgbouncer.yaml", PgBouncerDeployment.of(d)));
    return out;
  }

  /** At most one member (or PgBouncer replica) drained at a time: the leader keeps a synchronous standby. */
  static ObjectNode budget(PostgresDeployment d, String name, ObjectNode selector) {
    ObjectNode pdb = PostgresLabels.NODES.objectNode()
        .put("apiVersion", d.kubernetes().atLeast(21) ? "policy/v1" : "policy/v1beta1")
        .put("kind", "PodDisruptionBudget");
    pdb.set("metadata", PostgresLabels.metadata(d, name, selector));
    ObjectNode spec = pdb.putObject("spec").put("maxUnavailable", 1);
    spec.putObject("selector").set("matchLabels", selector);
    return pdb;
  }
}

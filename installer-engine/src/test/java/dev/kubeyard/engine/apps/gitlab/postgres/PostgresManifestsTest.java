package dev.kubeyard.engine.apps.gitlab.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What makes the rendered PostgreSQL highly available and safe, beyond matching its golden files (ADR 42). */
class PostgresManifestsTest {
  private static final List<Manifest> CURRENT = PostgresManifests.render(PostgresManifestsGoldenTest.deployment("1.35"));
  private static final List<Manifest> LEGACY = PostgresManifests.render(PostgresManifestsGoldenTest.deployment("1.14"));

  private static Manifest named(List<Manifest> all, String kind, String name) {
    return all.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void thePrimaryServiceFollowsPatronisRoleLabelWhichThePodTemplateNeverCarries() {
    JsonNode primary = named(CURRENT, "Service", "gitlab-postgres-primary").object().path("spec").path("selector");
    assertThat(primary.path("role").asText()).isEqualTo("primary");
    assertThat(named(CURRENT, "Service", "gitlab-postgres-replicas").object().at("/spec/selector/role").asText())
        .isEqualTo("replica");
    JsonNode template = named(CURRENT, "StatefulSet", "gitlab-postgres").object().at("/spec/template/metadata/labels");
    assertThat(template.has("role")).isFalse();
    // Patroni's leader Endpoints object: a Service of the scope's name without a selector keeps it
    assertThat(named(CURRENT, "Service", "gitlab-postgres").object().at("/spec/selector").isMissingNode()).isTrue();
  }

  @Test
  void patroniRunsSynchronouslyWithRewindAndRequiresTlsFromEveryClient() {
    String patroni = named(CURRENT, "ConfigMap", PatroniConfig.NAME).object().at("/data/patroni.yml").asText();
    assertThat(patroni).contains("synchronous_mode: true", "synchronous_mode_strict: false", "use_pg_rewind: true",
        "use_endpoints: true", "ssl: 'on'");
    assertThat(patroni.lines().filter(l -> l.strip().startsWith("- host"))).allMatch(l -> l.contains("hostssl"));
    String pgbouncer = named(CURRENT, "ConfigMap", PatroniConfig.NAME).object().at("/data/pgbouncer.ini").asText();
    assertThat(pgbouncer).contains("gitlabhq_production = host=gitlab-postgres-primary.gitlab.svc.cluster.local",
        "client_tls_sslmode = require", "server_tls_sslmode = verify-full", "listen_port = 6432");
  }

  @Test
  void everyMemberNeedsItsOwnNodeAndOneAtATimeMayBeDrained() {
    JsonNode sts = named(CURRENT, "StatefulSet", "gitlab-postgres").object();
    assertThat(sts.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(sts.at("/spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/0/topologyKey")
        .asText()).isEqualTo("kubernetes.io/hostname");
    assertThat(named(CURRENT, "PodDisruptionBudget", "gitlab-postgres").object().at("/spec/maxUnavailable").asInt())
        .isEqualTo(1);
    assertThat(named(CURRENT, "PodDisruptionBudget", "gitlab-postgres").apiVersion()).isEqualTo("policy/v1");
    assertThat(named(LEGACY, "PodDisruptionBudget", "gitlab-postgres").apiVersion()).isEqualTo("policy/v1beta1");
    assertThat(named(CURRENT, "Deployment", "gitlab-pgbouncer").object().at("/spec/replicas").asInt()).isEqualTo(2);
  }

  @Test
  void patronisRoleMayTouchOnlyEndpointsPodsAndCreateServicesInItsNamespace() {
    JsonNode rules = named(CURRENT, "Role", "gitlab-postgres").object().path("rules");
    assertThat(rules).extracting(r -> r.path("resources").get(0).asText()).containsExactly("endpoints", "pods", "services");
    assertThat(rules.get(2).path("verbs").toString()).isEqualTo("[\"create\"]");
  }

  @Test
  void noRenderedObjectHoldsAPasswordAllComeFromSecrets() {
    for (Manifest m : CURRENT) {
      assertThat(m.kind()).isNotEqualTo("Secret");
      assertThat(m.yaml()).doesNotContainIgnoringCase("password:").doesNotContain("PASSWORD=");
    }
    assertThat(named(CURRENT, "StatefulSet", "gitlab-postgres").yaml())
        .contains("secretKeyRef", "gitlab-postgres-superuser", "gitlab-postgres-replication", "gitlab-postgres-password");
  }
}

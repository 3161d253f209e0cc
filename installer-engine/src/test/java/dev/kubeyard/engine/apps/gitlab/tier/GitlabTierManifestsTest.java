package dev.kubeyard.engine.apps.gitlab.tier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What ADR 44 promises of the tier's objects, asserted on the trees of both lines. */
class GitlabTierManifestsTest {

  private static Map<String, ObjectNode> byName(String line) {
    return GitlabTierManifests.render(GitlabTierManifestsGoldenTest.tier(line)).stream()
        .collect(Collectors.toMap(m -> m.kind() + "/" + m.name(), Manifest::object, (a, b) -> a,
            java.util.LinkedHashMap::new));
  }

  private static List<JsonNode> podSpecs(Map<String, ObjectNode> objects) {
    return objects.values().stream().filter(o -> o.path("spec").has("template"))
        .map(o -> o.path("spec").path("template").path("spec")).toList();
  }

  private static List<JsonNode> containers(Map<String, ObjectNode> objects) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode spec : podSpecs(objects)) {
      spec.path("initContainers").forEach(out::add);
      spec.path("containers").forEach(out::add);
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void webserviceSidekiqAndShellRunTwoSpreadReplicasUnderABudgetOfOne(String line) {
    Map<String, ObjectNode> o = byName(line);
    for (String name : List.of("gitlab-webservice", "gitlab-sidekiq", "gitlab-shell")) {
      ObjectNode d = o.get("Deployment/" + name);
      assertThat(d.at("/spec/replicas").asInt()).as(name).isGreaterThanOrEqualTo(2);
      assertThat(d.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).as(name).isZero();
      assertThat(d.at("/spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/0"
          + "/podAffinityTerm/topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
      ObjectNode pdb = o.get("PodDisruptionBudget/" + name);
      assertThat(pdb.path("apiVersion").asText()).isEqualTo(line.equals("1.14") ? "policy/v1beta1" : "policy/v1");
      assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
      assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(d.at("/spec/selector/matchLabels"));
    }
  }

  @Test
  void gitalyIsOneReplicaWithItsOwnClaimAndNoBudgetThatWouldBlockADrain() {
    Map<String, ObjectNode> o = byName("1.35");
    ObjectNode gitaly = o.get("StatefulSet/gitlab-gitaly");
    assertThat(gitaly.at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(gitaly.at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage").asText()).isEqualTo("50Gi");
    assertThat(gitaly.at("/spec/persistentVolumeClaimRetentionPolicy/whenDeleted").asText()).isEqualTo("Retain");
    assertThat(o.keySet()).noneMatch(k -> k.equals("PodDisruptionBudget/gitlab-gitaly"));
    assertThat(o.get("Service/gitlab-gitaly").at("/spec/clusterIP").asText()).isEqualTo("None");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void everyContainerHasResourcesAndDropsEveryCapabilityAndEveryPodRunsAsGit(String line) {
    Map<String, ObjectNode> o = byName(line);
    assertThat(containers(o)).hasSize(9).allSatisfy(c -> {
      assertThat(c.at("/resources/requests/cpu").isMissingNode()).as(c.path("name").asText()).isFalse();
      assertThat(c.at("/resources/limits/memory").isMissingNode()).as(c.path("name").asText()).isFalse();
      assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
      assertThat(c.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
    });
    assertThat(podSpecs(o)).hasSize(6).allSatisfy(s -> {
      assertThat(s.at("/securityContext/runAsUser").asInt()).isEqualTo(1000);
      assertThat(s.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
      assertThat(s.path("automountServiceAccountToken").asBoolean(true)).isFalse();
    });
  }

  @Test
  void everyServingContainerIsProbedAndOnlyTheToolboxAndTheMigrationsAreNot() {
    Map<String, ObjectNode> o = byName("1.35");
    Set<String> unprobed = new HashSet<>();
    for (JsonNode spec : podSpecs(o)) {
      spec.path("containers").forEach(c -> {
        if (!c.has("livenessProbe") || !c.has("readinessProbe")) {
          unprobed.add(c.path("name").asText());
        }
      });
    }
    assertThat(unprobed).containsExactlyInAnyOrder("toolbox", "migrations");
    assertThat(o.get("Deployment/gitlab-webservice").at("/spec/template/spec/containers/0/startupProbe/httpGet/path")
        .asText()).isEqualTo("/-/liveness");
    // 1.14 has no startup probe: the liveness probe waits instead
    JsonNode puma114 = byName("1.14").get("Deployment/gitlab-webservice").at("/spec/template/spec/containers/0");
    assertThat(puma114.has("startupProbe")).isFalse();
    assertThat(puma114.at("/livenessProbe/initialDelaySeconds").asInt()).isEqualTo(300);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void httpsGoesToWorkhorseAtTheSpecsHostAndSshToGitlabShellThroughTraefiksTcpEntrypoint(String line) {
    Map<String, ObjectNode> o = byName(line);
    ObjectNode ingress = o.get("Ingress/gitlab-webservice");
    assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo("gitlab.example.com");
    assertThat(ingress.path("apiVersion").asText())
        .isEqualTo(line.equals("1.14") ? "networking.k8s.io/v1beta1" : "networking.k8s.io/v1");
    assertThat(ingress.toString()).contains("http-workhorse");
    ObjectNode ssh = o.get("IngressRouteTCP/gitlab-shell-ssh");
    assertThat(ssh.at("/spec/entryPoints/0").asText()).isEqualTo("gitlab-ssh");
    assertThat(ssh.at("/spec/routes/0/services/0/name").asText()).isEqualTo("gitlab-shell");
    assertThat(o.get("Service/gitlab-shell").at("/spec/ports/0/port").asInt()).isEqualTo(22);
  }

  @Test
  void theRailsConfigurationReachesTheDataTierByItsAgreedNamesAndHoldsNoSecret() {
    Map<String, ObjectNode> o = byName("1.35");
    String rails = o.get("ConfigMap/gitlab-rails-config").path("data").toString();
    assertThat(rails).contains("gitlab-pgbouncer.gitlab.svc.cluster.local", "port: 6432", "gitlabhq_production",
        "username: gitlab", "sslmode: verify-full", "gitlab-redis-sentinel.gitlab.svc.cluster.local", "26379",
        "@gitlab-redis", "bucket: gitlab-uploads", "bucket: gitlab-artifacts", "bucket: gitlab-lfs",
        "bucket: gitlab-packages", "remote_directory: gitlab-backups",
        GitlabTierManifestsGoldenTest.OBJECT_STORAGE, "tcp://gitlab-gitaly-0.gitlab-gitaly.gitlab.svc.cluster.local:8075");
    // every secret is read from a mounted file when the pod starts
    assertThat(rails).contains("File.read('/etc/gitlab/postgres/psql-password')");
  }

  @Test
  void noGeneratedSecretValueAppearsInAnyRenderedObject() {
    GitlabTier t = GitlabTierManifestsGoldenTest.tier("1.35");
    String rendered = GitlabTierManifests.render(t).stream().map(Manifest::yaml).collect(Collectors.joining());
    for (Manifest secret : TierSecrets.all(t, new SecureRandom())) {
      secret.object().path("stringData").forEach(v -> assertThat(rendered).doesNotContain(v.asText()));
    }
  }

  @Test
  void everySecretAPodMountsIsGeneratedHereOrIsOneOfTheDataTiersAgreedSecrets() {
    GitlabTier t = GitlabTierManifestsGoldenTest.tier("1.35");
    Set<String> generated = TierSecrets.all(t, new SecureRandom()).stream().map(Manifest::name)
        .collect(Collectors.toSet());
    Set<String> mounted = new HashSet<>();
    Function<JsonNode, Void> collect = v -> {
      v.at("/projected/sources").forEach(s -> {
        if (s.has("secret")) {
          mounted.add(s.at("/secret/name").asText());
        }
      });
      return null;
    };
    podSpecs(byName("1.35")).forEach(s -> s.path("volumes").forEach(collect::apply));
    Set<String> dataTier = Set.of(GitlabTier.POSTGRES_PASSWORD_SECRET, GitlabTier.REDIS_PASSWORD_SECRET,
        GitlabTier.OBJECT_STORAGE_SECRET);
    assertThat(mounted).containsAll(dataTier).allMatch(n -> generated.contains(n) || dataTier.contains(n));
    assertThat(generated).allMatch(mounted::contains);
  }

  @Test
  void theMigrationsJobIsNamedAfterTheVersionAndKeptADayOnlyWhereTheApiKnowsTtl() {
    assertThat(byName("1.35").get("Job/gitlab-migrations-17-11-0").at("/spec/ttlSecondsAfterFinished").asInt())
        .isEqualTo(86400);
    assertThat(byName("1.14").get("Job/gitlab-migrations-17-11-0").at("/spec").has("ttlSecondsAfterFinished"))
        .isFalse();
  }
}

package dev.kubeyard.engine.apps.gitlab.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.engine.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What GitLab's Redis tier promises (ADR 43), checked on the rendered objects rather than their text. */
class RedisManifestsTest {
  @TempDir
  Path tmp;

  private static RedisDeployment current() {
    return RedisManifestsGoldenTest.deployment("1.35");
  }

  private static JsonNode object(RedisDeployment d, String kind, String name) {
    return RedisManifests.render(d).stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst()
        .orElseThrow().object();
  }

  @Test
  void theSpecsCountsDecideThePodsAndAMajorityOfSentinelsIsTheQuorum() {
    RedisDeployment d = RedisDeployment.of(ClusterFacts.of(Specs.example(y -> Specs.onCurrentLine(y)
        .replace("    sidekiqReplicas: 2\n", "    sidekiqReplicas: 2\n    redis: {replicas: 4, sentinels: 5}\n"))));
    assertThat(object(d, "StatefulSet", "gitlab-redis").path("spec").path("replicas").asInt()).isEqualTo(4);
    assertThat(object(d, "StatefulSet", "gitlab-redis-sentinel").path("spec").path("replicas").asInt()).isEqualTo(5);
    assertThat(RedisScripts.sentinel(d)).contains("sentinel monitor gitlab-redis $master 6379 3\n");
    assertThat(current().quorum()).isEqualTo(2);
  }

  @Test
  void thePasswordIsAGeneratedSecretThatNoRenderedFileHolds() {
    RedisDeployment d = current();
    Manifest secret = RedisSecrets.password(d, new SecureRandom());
    String password = secret.object().path("stringData").path("password").asText();
    assertThat(password).matches("[A-Za-z0-9]{32}")
        .isNotEqualTo(RedisSecrets.password(d, new SecureRandom()).object().path("stringData").path("password").asText());
    assertThat(secret.name()).isEqualTo("gitlab-redis-password");
    assertThat(RedisManifests.render(d)).noneSatisfy(m -> assertThat(m.yaml()).contains(password));
    // Redis and the Sentinels read it from the Secret, and the scripts never echo it
    assertThat(object(d, "StatefulSet", "gitlab-redis").toString())
        .contains("{\"name\":\"REDISCLI_AUTH\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"gitlab-redis-password\",\"key\":\"password\"}}}");
    assertThat(RedisScripts.redis(d) + RedisScripts.sentinel(d)).doesNotContainPattern("echo[^\\n]*REDISCLI_AUTH");
  }

  @Test
  void everyRedisAndEverySentinelRunsOnItsOwnNodeAndADrainTakesOneAtATime() {
    RedisDeployment d = current();
    for (String name : List.of("gitlab-redis", "gitlab-redis-sentinel")) {
      JsonNode pod = object(d, "StatefulSet", name).path("spec").path("template").path("spec");
      assertThat(pod.at("/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/0/topologyKey").asText())
          .isEqualTo("kubernetes.io/hostname");
      assertThat(object(d, "PodDisruptionBudget", name).at("/spec/maxUnavailable").asInt()).isEqualTo(1);
      assertThat(object(d, "Service", name).at("/spec/publishNotReadyAddresses").asBoolean()).isTrue();
      assertThat(object(d, "StatefulSet", name).at("/metadata/labels/app.kubernetes.io~1part-of").asText())
          .isEqualTo("gitlab");
    }
  }

  @Test
  void sentinelsAskForThePasswordOnTheCurrentLineOnlyWhereGitlabCanGiveIt() {
    RedisDeployment legacy = RedisManifestsGoldenTest.deployment("1.14");
    assertThat(RedisScripts.sentinel(current())).contains("requirepass $REDISCLI_AUTH");
    assertThat(current().gitlabChartValues()).contains("sentinelAuth:");
    assertThat(RedisScripts.sentinel(legacy)).doesNotContain("requirepass").contains("env -u REDISCLI_AUTH redis-cli");
    assertThat(legacy.gitlabChartValues()).doesNotContain("sentinelAuth").contains(
        "      - host: gitlab-redis-sentinel-2.gitlab-redis-sentinel.gitlab.svc.cluster.local\n        port: 26379\n");
    // Redis itself always does
    assertThat(RedisScripts.redis(legacy)).contains("requirepass $REDISCLI_AUTH\nmasterauth $REDISCLI_AUTH\n");
  }

  @Test
  void scriptsAndProbesCallOnlyWhatTheImageHasDashCoreutilsAndRedis() {
    for (String line : List.of("1.14", "1.35")) {
      RedisDeployment d = RedisManifestsGoldenTest.deployment(line);
      String all = RedisManifests.render(d).stream().map(Manifest::yaml).reduce("", String::concat);
      // bundle.build.RedisImage keeps dash, coreutils and Redis: no grep, sed, awk, getent or bash
      assertThat(all).doesNotContainPattern("\\b(grep|sed|awk|getent|bash)\\b");
    }
  }

  @Test
  void bothStartScriptsAreValidShell() throws Exception {
    for (String line : List.of("1.14", "1.35")) {
      RedisDeployment d = RedisManifestsGoldenTest.deployment(line);
      for (String script : List.of(RedisScripts.redis(d), RedisScripts.sentinel(d))) {
        Path f = Files.writeString(tmp.resolve("script.sh"), script);
        Proc.Result r = Proc.run(null, "sh", "-n", f.toString());
        assertThat(r.exit()).as(script + r.output()).isZero();
      }
    }
  }
}

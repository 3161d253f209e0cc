package dev.kubeyard.engine.apps.gitlab.redis;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.testing.Golden;
import dev.kubeyard.engine.testing.Specs;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example cluster's GitLab Redis (3 Redis, 3 Sentinels, namespace gitlab) on both Kubernetes lines,
 * each file equal to its golden copy, plus GitLab's chart settings for it; the password Secret is random
 * and checked in {@link RedisManifestsTest} instead.
 */
class RedisManifestsGoldenTest {

  static RedisDeployment deployment(String line) {
    return RedisDeployment.of(ClusterFacts.of(line.equals("1.14") ? Specs.legacy() : Specs.current()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void everyFileMatchesItsGoldenCopyAndNoneIsOrphaned(String line) {
    RedisDeployment d = deployment(line);
    String folder = "apps/gitlab-redis/" + line + "/";
    List<String> files = new java.util.ArrayList<>();
    RedisManifests.render(d).forEach(m -> {
      Golden.assertMatches(folder + m.file(), m.yaml());
      files.add(folder + m.file());
    });
    Golden.assertMatches(folder + "gitlab-values.yaml", d.gitlabChartValues());
    files.add(folder + "gitlab-values.yaml");
    Golden.assertNoOrphans("apps/gitlab-redis/" + line, files);
  }
}

package dev.kubeyard.engine.apps.gitlab.tier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.testing.Golden;
import dev.kubeyard.engine.testing.Specs;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example cluster's GitLab tier (2 webservice, 2 Sidekiq, 2 gitlab-shell, 1 Gitaly) on both Kubernetes
 * lines, each object equal to its golden copy; the generated Secrets are checked in {@link TierSecretsTest}.
 */
class GitlabTierManifestsGoldenTest {
  /** An example endpoint: the object store is decided by ADR 45, the tier takes it as a parameter. */
  static final String OBJECT_STORAGE = "https://gitlab-object-storage.gitlab.svc.cluster.local:9000";

  static GitlabTier tier(String line) {
    return GitlabTier.of(ClusterFacts.of(line.equals("1.14") ? Specs.legacy() : Specs.current()), OBJECT_STORAGE);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void everyFileMatchesItsGoldenCopyAndNoneIsOrphaned(String line) {
    var files = GitlabTierManifests.render(tier(line));
    files.forEach(m -> Golden.assertMatches("apps/gitlab/" + line + "/" + m.file(), m.yaml()));
    Golden.assertNoOrphans("apps/gitlab/" + line, files.stream().map(m -> "apps/gitlab/" + line + "/" + m.file()).toList());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void renderingTwiceGivesTheSameBytes(String line) {
    List<String> first = GitlabTierManifests.render(tier(line)).stream().map(m -> m.file() + m.yaml()).toList();
    assertThat(GitlabTierManifests.render(tier(line)).stream().map(m -> m.file() + m.yaml()).toList())
        .isEqualTo(first);
  }
}

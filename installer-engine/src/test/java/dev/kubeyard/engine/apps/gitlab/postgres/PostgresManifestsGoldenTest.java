package dev.kubeyard.engine.apps.gitlab.postgres;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.testing.Golden;
import dev.kubeyard.engine.testing.Specs;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example cluster's GitLab PostgreSQL (3 Patroni members, PgBouncer) on both Kubernetes lines, each file
 * equal to its golden copy; the Secrets hold keys and passwords and are checked in {@link PostgresSecretsTest}.
 */
class PostgresManifestsGoldenTest {

  static PostgresDeployment deployment(String line) {
    return PostgresDeployment.of(ClusterFacts.of(line.equals("1.14") ? Specs.legacy() : Specs.current()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void everyFileMatchesItsGoldenCopyAndNoneIsOrphaned(String line) {
    List<String> files = PostgresManifests.render(deployment(line)).stream().map(m -> {
      String path = "apps/gitlab-postgres/" + line + "/" + m.file();
      Golden.assertMatches(path, m.yaml());
      return path;
    }).toList();
    Golden.assertNoOrphans("apps/gitlab-postgres/" + line, files);
  }
}

package dev.kubeyard.engine.apps.gitlab.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated passwords: long, unquoted anywhere they go, never the same twice. */
class PostgresSecretsTest {

  @Test
  void eachPasswordIs32LettersOrDigitsAndAHundredAreAllDifferent() {
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String p = PostgresSecrets.password(random);
      assertThat(p).hasSize(32).matches("[A-Za-z0-9]+");
      seen.add(p);
    }
    assertThat(seen).hasSize(100);
  }

  @Test
  void thePasswordSecretsAreGitlabsTheSuperusersAndTheReplicationUsersInGitlabsNamespace() {
    PostgresDeployment d = PostgresManifestsGoldenTest.deployment("1.35");
    assertThat(PostgresSecrets.passwordSecrets())
        .containsExactly("gitlab-postgres-password", "gitlab-postgres-superuser", "gitlab-postgres-replication");
    Manifest m = PostgresSecrets.password(d, "gitlab-postgres-password", new SecureRandom());
    assertThat(m.object().at("/metadata/namespace").asText()).isEqualTo("gitlab");
    assertThat(m.object().at("/stringData/password").asText()).hasSize(32);
    assertThat(m.object().at("/metadata/labels/app.kubernetes.io~1part-of").asText()).isEqualTo("gitlab");
  }
}

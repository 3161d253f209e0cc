package dev.kubeyard.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.model.spec.GitlabPostgresSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** apps.gitlab.postgres (ADR 42): the defaults a GitLab section gets, and what is refused with its fix. */
class GitlabPostgresRulesTest {
  /** A valid GitLab section (the site's images named); the postgres lines go at its end. */
  private static final Path VALID = Path.of("src/test/resources/fixtures/valid-gitlab.yaml");

  private static Validator.Result with(String postgres) throws Exception {
    return Validator.loadText(Files.readString(VALID) + postgres);
  }

  @Test
  void aGitlabSectionGetsThreeMembersOfTwentyGibibytesOnTheDefaultStorageClass() throws Exception {
    Validator.Result r = with("");
    assertThat(r.problems()).isEmpty();
    assertThat(r.spec().apps().gitlab().postgres()).isEqualTo(new GitlabPostgresSpec(3, "20Gi", null));
  }

  @Test
  void twoMembersAreRefusedWithTheRuleAndTheFixInBothLanguages() throws Exception {
    Validator.Result r = with("    postgres: {members: 2}\n");
    assertThat(r.problems()).extracting(Problem::path).containsExactly("apps.gitlab.postgres.members");
    assertThat(r.problems().get(0).toString(Locale.ROOT)).contains("3 to 7 members").contains("use 3");
    assertThat(r.problems().get(0).toString(Locale.SIMPLIFIED_CHINESE)).contains("同步备节点").contains("使用 3");
  }

  @Test
  void aSizeWithoutAUnitAndAStorageClassWithCapitalsAreBothNamed() throws Exception {
    Validator.Result r = with("    postgres: {storageSize: \"20\", storageClass: Fast_SSD}\n");
    assertThat(r.problems()).extracting(Problem::path)
        .containsExactlyInAnyOrder("apps.gitlab.postgres.storageSize", "apps.gitlab.postgres.storageClass");
  }
}

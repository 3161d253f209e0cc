package dev.kubeyard.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** apps.gitlab.images (ADR 44): every CNG image named, each the component's, GitLab's tags at the spec's version. */
class GitlabImageRulesTest {
  private static final Path VALID = Path.of("src/test/resources/fixtures/valid-gitlab.yaml");

  private static Validator.Result with(String replace, String by) throws Exception {
    String text = Files.readString(VALID);
    assertThat(text).contains(replace);
    return Validator.loadText(text.replace(replace, by));
  }

  private static String withoutImages() throws Exception {
    String text = Files.readString(VALID);
    return text.substring(0, text.indexOf("    images:\n"));
  }

  @Test
  void aSectionNamingEveryImageIsValidAndKeepsTheReferences() {
    Validator.Result r = Validator.load(VALID);
    assertThat(r.problems()).isEmpty();
    assertThat(r.spec().apps().gitlab().images().gitlabShell()).isEqualTo("registry.example.com/cng/gitlab-shell:v14.41.0");
  }

  @Test
  void withoutImagesOneProblemNamesEveryCngImageToImport() throws Exception {
    Validator.Result r = Validator.loadText(withoutImages());
    assertThat(r.problems()).extracting(Problem::path).containsExactly("apps.gitlab.images");
    assertThat(r.problems().get(0).toString(Locale.ROOT)).contains("gitaly, gitlab-shell, gitlab-sidekiq-ee",
        "kubeyard bundle import");
    assertThat(r.problems().get(0).toString(Locale.SIMPLIFIED_CHINESE)).contains("离线包", "gitlab-webservice-ee");
  }

  @Test
  void aMissingComponentIsNamedWithAnExampleOfItsImage() throws Exception {
    Validator.Result r = with("      toolbox: registry.example.com/cng/gitlab-toolbox-ee:v17.11.0\n", "");
    assertThat(r.problems()).extracting(Problem::path).containsExactly("apps.gitlab.images.toolbox");
    assertThat(r.problems().get(0).toString(Locale.ROOT))
        .contains("e.g. registry.gitlab.com/gitlab-org/build/cng/gitlab-toolbox-ee:v17.11.0");
  }

  @Test
  void aSwappedImageIsRefusedBecauseItWouldStartTheWrongProgram() throws Exception {
    Validator.Result r = with("gitaly: registry.example.com/cng/gitaly:v17.11.0",
        "gitaly: registry.example.com/cng/gitlab-shell:v14.41.0");
    assertThat(r.problems()).extracting(Problem::path).containsExactly("apps.gitlab.images.gitaly");
    assertThat(r.problems().get(0).toString(Locale.ROOT)).contains("must be a gitaly image");
  }

  @Test
  void anImageWithoutTagOrDigestIsRefusedAndADigestAloneIsAccepted() throws Exception {
    assertThat(with("gitlab-toolbox-ee:v17.11.0", "gitlab-toolbox-ee").problems()).extracting(Problem::path)
        .containsExactly("apps.gitlab.images.toolbox");
    assertThat(with("gitlab-toolbox-ee:v17.11.0", "gitlab-toolbox-ce@sha256:" + "ab".repeat(32)).problems()).isEmpty();
  }

  @Test
  void aGitlabTagOfAnotherVersionIsRefusedButGitlabShellsOwnVersionIsNot() throws Exception {
    Validator.Result r = with("gitlab-sidekiq-ee:v17.11.0", "gitlab-sidekiq-ee:v17.10.3");
    assertThat(r.problems()).extracting(Problem::path).containsExactly("apps.gitlab.images.sidekiq");
    assertThat(r.problems().get(0).toString(Locale.ROOT))
        .contains("GitLab 17.10.3 but apps.gitlab.version is 17.11.0", "set apps.gitlab.version: 17.10.3");
  }

  @Test
  void aDisabledSectionIsNotChecked() throws Exception {
    assertThat(Validator.loadText(withoutImages() + "    enabled: false\n").problems()).isEmpty();
  }
}

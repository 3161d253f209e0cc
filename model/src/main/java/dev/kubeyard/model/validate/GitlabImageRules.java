package dev.kubeyard.model.validate;

import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.GitlabImages;
import dev.kubeyard.model.spec.GitlabSpec;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * apps.gitlab.images (ADR 44): every component names the site's CNG image by tag or digest, the image is the
 * component's (a swapped reference would start the wrong program under the right name), and a GitLab tag
 * ({@code v17.11.0}) agrees with apps.gitlab.version: the migrations Job and the Rails pods must run one
 * version. gitlab-shell's tag is gitlab-shell's own version, so it is not compared.
 */
final class GitlabImageRules implements Rule {
  private static final Pattern GITLAB_TAG = Pattern.compile("v(\\d+\\.\\d+\\.\\d+)(?:-[A-Za-z0-9.]+)*");

  @Override
  public void check(ClusterSpec s, Problems out) {
    GitlabSpec gl = s.apps() == null ? null : s.apps().gitlab();
    if (gl == null || Boolean.FALSE.equals(gl.enabled())) {
      return;
    }
    if (gl.images() == null) {
      out.add("apps.gitlab.images", null, "apps.gitlabImagesMissing",
          String.join(", ", GitlabImages.CNG_NAMES.values().stream().sorted().toList()));
      return;
    }
    for (Map.Entry<String, String> e : gl.images().byField().entrySet()) {
      String cng = GitlabImages.CNG_NAMES.get(e.getKey());
      String path = "apps.gitlab.images." + e.getKey();
      String example = "registry.gitlab.com/gitlab-org/build/cng/" + cng + ":v"
          + (e.getKey().equals("gitlabShell") ? "<gitlab-shell's version in GitLab " + gl.version() + ">" : gl.version());
      if (e.getValue() == null) {
        out.add(path, null, "apps.gitlabImageMissing", cng, example);
        continue;
      }
      Matcher m = reference(cng).matcher(e.getValue());
      if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
        out.add(path, e.getValue(), "apps.gitlabImage", cng, example);
        continue;
      }
      Matcher tag = m.group(1) == null ? null : GITLAB_TAG.matcher(m.group(1));
      if (!e.getKey().equals("gitlabShell") && tag != null && tag.matches() && !tag.group(1).equals(gl.version())) {
        out.add(path, e.getValue(), "apps.gitlabImageVersion", tag.group(1), gl.version());
      }
    }
  }

  /** Any registry and path, then the CNG name ({@code -ee} or {@code -ce} where both exist), a tag and/or a digest. */
  private static Pattern reference(String cng) {
    String name = cng.endsWith("-ee") ? Pattern.quote(cng.substring(0, cng.length() - 3)) + "-(?:ee|ce)"
        : Pattern.quote(cng);
    return Pattern.compile("(?:[a-z0-9.-]+(?::[0-9]+)?/)?(?:[a-z0-9._-]+/)*" + name
        + "(?::([A-Za-z0-9._-]+))?(@sha256:[0-9a-f]{64})?");
  }
}

package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitLab's Cloud Native GitLab (CNG) images, each by the full reference the site's OCI archive carries
 * (ADR 44). Nothing on this machine can build them (not in Debian; Gitaly and gitlab-shell are not served by
 * the module proxy), so they reach the nodes only through {@code kubeyard bundle import}. One reference per
 * component, not a repository and a version: gitlab-shell's tag follows gitlab-shell's own version, not
 * GitLab's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"webservice", "workhorse", "sidekiq", "gitlabShell", "gitaly", "toolbox"})
public record GitlabImages(
    String webservice,
    String workhorse,
    String sidekiq,
    String gitlabShell,
    String gitaly,
    String toolbox) {

  /** Field name → the CNG image name its reference must end with; {@code -ee}/{@code -ce} where GitLab builds both. */
  public static final Map<String, String> CNG_NAMES = cngNames();

  private static Map<String, String> cngNames() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("webservice", "gitlab-webservice-ee");
    m.put("workhorse", "gitlab-workhorse-ee");
    m.put("sidekiq", "gitlab-sidekiq-ee");
    m.put("gitlabShell", "gitlab-shell");
    m.put("gitaly", "gitaly");
    m.put("toolbox", "gitlab-toolbox-ee");
    return Map.copyOf(m);
  }

  /** Field name → reference (null when unset), in the order above. */
  public Map<String, String> byField() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("webservice", webservice);
    m.put("workhorse", workhorse);
    m.put("sidekiq", sidekiq);
    m.put("gitlabShell", gitlabShell);
    m.put("gitaly", gitaly);
    m.put("toolbox", toolbox);
    return m;
  }
}

package dev.kubeyard.engine.podsecurity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pod security per line (docs/adr/0035-pod-security.md): Pod Security Admission from 1.25 (GA there,
 * PodSecurityPolicy removed), PodSecurityPolicy admission before. The cluster default enforces baseline
 * and warns and audits restricted; each platform namespace carries the level its workloads need.
 */
public final class PodSecurity {
  public static final PodSecurityLevel CLUSTER_ENFORCE = PodSecurityLevel.BASELINE;
  public static final PodSecurityLevel CLUSTER_WARN_AND_AUDIT = PodSecurityLevel.RESTRICTED;
  private static final String LABEL = "pod-security.kubernetes.io/";

  private PodSecurity() {}

  /** Pod Security Admission with Kubeyard's AdmissionConfiguration (1.25 and later). */
  public static boolean admission(KubernetesVersion v) {
    return v.atLeast(25);
  }

  /** PodSecurityPolicy admission with Kubeyard's policies and their RBAC (before 1.25). */
  public static boolean policies(KubernetesVersion v) {
    return !admission(v);
  }

  /** The apiserver's --enable-admission-plugins. */
  public static String admissionPlugins(KubernetesVersion v) {
    return "NodeRestriction," + (admission(v) ? "PodSecurity" : "PodSecurityPolicy");
  }

  /**
   * A namespace's labels: enforce, warn and audit at one level, so a namespace granted more than the
   * cluster default does not warn about the need its ADR entry explains. None before 1.25.
   */
  public static Map<String, String> namespaceLabels(PodSecurityLevel level, KubernetesVersion v) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (admission(v)) {
      for (String mode : List.of("enforce", "warn", "audit")) {
        labels.put(LABEL + mode, level.label());
      }
    }
    return labels;
  }

  /**
   * A pod that fits the restricted standard by running as {@code user}: non-root, volumes owned by the
   * user's group, the runtime's default seccomp profile (a field from 1.19, the annotation before).
   */
  public static void restrictedPod(ObjectNode podSpec, ObjectNode podMetadata, int user, KubernetesVersion v) {
    ObjectNode security = podSpec.putObject("securityContext").put("runAsNonRoot", true).put("runAsUser", user)
        .put("fsGroup", user);
    if (v.atLeast(19)) {
      security.putObject("seccompProfile").put("type", "RuntimeDefault");
    } else {
      podMetadata.withObject("/annotations").put("seccomp.security.alpha.kubernetes.io/pod", "runtime/default");
    }
  }

  /** The same labels as a Mustache list of {key, value}. */
  public static List<Map<String, String>> namespaceLabelList(PodSecurityLevel level, KubernetesVersion v) {
    return namespaceLabels(level, v).entrySet().stream()
        .map(e -> Map.of("key", e.getKey(), "value", e.getValue())).toList();
  }
}

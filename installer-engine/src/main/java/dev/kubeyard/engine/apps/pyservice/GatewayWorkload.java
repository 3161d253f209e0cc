package dev.kubeyard.engine.apps.pyservice;

import static dev.kubeyard.engine.apps.pyservice.ManifestYaml.map;

import java.util.List;
import java.util.Map;

/** The Deployment and its PodDisruptionBudget. */
final class GatewayWorkload {
  private static final int UID = 10001;

  private GatewayWorkload() {}

  static Map<String, Object> deployment(GatewayValues v, String configChecksum) {
    Map<String, Object> podAnnotations = map("checksum/config", configChecksum,
        // a Prometheus inside the cluster scrapes the internal port by these (the Ingress never reaches it)
        "prometheus.io/scrape", "true", "prometheus.io/port", String.valueOf(GatewayValues.INTERNAL_PORT),
        "prometheus.io/path", "/metrics");
    Map<String, Object> podSecurity = map("runAsNonRoot", true, "runAsUser", UID, "runAsGroup", UID, "fsGroup", UID);
    if (v.version().atLeast(19)) {
      podSecurity.put("seccompProfile", map("type", "RuntimeDefault"));
    } else {
      podAnnotations.put("seccomp.security.alpha.kubernetes.io/pod", "runtime/default");
    }
    Map<String, Object> container = map(
        "name", "gateway",
        "image", v.spec().image(),
        "imagePullPolicy", "IfNotPresent",
        "ports", List.of(map("name", "http", "containerPort", GatewayValues.HTTP_PORT, "protocol", "TCP"),
            map("name", "internal", "containerPort", GatewayValues.INTERNAL_PORT, "protocol", "TCP")),
        "envFrom", List.of(map("configMapRef", map("name", GatewayValues.NAME))),
        "readinessProbe", probe("/readyz", 5, 3),
        "livenessProbe", probe("/healthz", 15, 2),
        "resources", map("requests", map("cpu", "100m", "memory", "128Mi"),
            "limits", map("cpu", "1", "memory", "512Mi")),
        "securityContext", map("allowPrivilegeEscalation", false, "readOnlyRootFilesystem", true,
            "runAsNonRoot", true, "capabilities", map("drop", List.of("ALL"))),
        "volumeMounts", List.of(
            map("name", "tmp", "mountPath", "/tmp"),
            map("name", "secrets", "mountPath", GatewayValues.SECRETS_DIR, "readOnly", true)));
    Map<String, Object> antiAffinity = map("podAntiAffinity", map(
        "preferredDuringSchedulingIgnoredDuringExecution", List.of(map("weight", 100,
            "podAffinityTerm", map("topologyKey", "kubernetes.io/hostname",
                "labelSelector", map("matchLabels", v.selector()))))));
    Map<String, Object> podSpec = map(
        "automountServiceAccountToken", false,
        "nodeSelector", v.linuxNodeSelector(),
        "affinity", antiAffinity,
        "securityContext", podSecurity,
        "terminationGracePeriodSeconds", 30,
        "containers", List.of(container),
        "volumes", List.of(
            map("name", "tmp", "emptyDir", map("sizeLimit", "64Mi")),
            // Mounted as files, one per key (mssql_password, gitlab_token, ...): never in env. Of the
            // API tokens' Secret only the hashes: a token itself never sits in the pod (ADR 34).
            map("name", "secrets", "projected", map("defaultMode", 0440, "sources", List.of(
                map("secret", map("name", GatewayValues.SECRET)),
                map("secret", map("name", GatewayTokens.SECRET, "items",
                    List.of(map("key", GatewayTokens.HASHES_KEY, "path", GatewayTokens.HASHES_KEY)))))))));
    return map("apiVersion", "apps/v1", "kind", "Deployment",
        "metadata", v.metadata(GatewayValues.NAME, v.namespace()),
        "spec", map(
            "replicas", v.spec().replicas(),
            "revisionHistoryLimit", 5,
            "selector", map("matchLabels", v.selector()),
            "strategy", map("type", "RollingUpdate", "rollingUpdate", map("maxSurge", 1, "maxUnavailable", 0)),
            "template", map("metadata", map("labels", v.labels(), "annotations", podAnnotations), "spec", podSpec)));
  }

  /** policy/v1 exists from 1.21; 1.14 to 1.20 serve policy/v1beta1. */
  static Map<String, Object> podDisruptionBudget(GatewayValues v) {
    return map("apiVersion", v.version().atLeast(21) ? "policy/v1" : "policy/v1beta1",
        "kind", "PodDisruptionBudget",
        "metadata", v.metadata(GatewayValues.NAME, v.namespace()),
        "spec", map("maxUnavailable", 1, "selector", map("matchLabels", v.selector())));
  }

  private static Map<String, Object> probe(String path, int periodSeconds, int timeoutSeconds) {
    return map("httpGet", map("path", path, "port", "http"), "periodSeconds", periodSeconds,
        "timeoutSeconds", timeoutSeconds, "failureThreshold", 3);
  }
}

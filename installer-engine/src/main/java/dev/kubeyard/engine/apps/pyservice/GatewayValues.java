package dev.kubeyard.engine.apps.pyservice;

import static dev.kubeyard.engine.apps.pyservice.ManifestYaml.map;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.netpol.AppPods;
import dev.kubeyard.model.spec.AppsSpec;
import dev.kubeyard.model.spec.PythonServiceSpec;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names, labels and per-version choices for the gateway, derived once from the cluster facts. */
record GatewayValues(ClusterFacts facts, PythonServiceSpec spec) {
  static final String NAME = "platform-gateway";
  static final String SECRET = "platform-gateway-secrets";
  static final String SECRETS_DIR = "/var/run/secrets/gateway";
  static final int HTTP_PORT = 8000;
  /** /metrics, /docs and /openapi.json: a container port only, not in the Service the Ingress routes to. */
  static final int INTERNAL_PORT = 8081;

  static GatewayValues of(ClusterFacts facts) {
    AppsSpec apps = facts.apps();
    if (apps == null || apps.pythonService() == null || !Boolean.TRUE.equals(apps.pythonService().enabled())) {
      throw new IllegalArgumentException("apps.pythonService is not enabled in the spec");
    }
    return new GatewayValues(facts, apps.pythonService());
  }

  KubernetesVersion version() {
    return facts.version();
  }

  String namespace() {
    return spec.namespace();
  }

  AppsSpec apps() {
    return facts.apps();
  }

  String imageTag() {
    String image = spec.image();
    int colon = image.lastIndexOf(':');
    return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "latest";
  }

  Map<String, Object> selector() {
    return new LinkedHashMap<>(AppPods.gateway());
  }

  Map<String, Object> labels() {
    Map<String, Object> labels = selector();
    labels.put("app.kubernetes.io/version", imageTag());
    labels.put("app.kubernetes.io/part-of", "kubeyard");
    labels.put("app.kubernetes.io/managed-by", "kubeyard");
    return labels;
  }

  Map<String, Object> metadata(String name, String namespace) {
    return map("name", name, "namespace", namespace, "labels", labels());
  }

  /** kubernetes.io/os became the node label in 1.14; 1.14 kubelets still set the beta one too. */
  Map<String, Object> linuxNodeSelector() {
    return version().atLeast(15) ? map("kubernetes.io/os", "linux")
        : map("beta.kubernetes.io/os", "linux", "kubernetes.io/os", "linux");
  }
}

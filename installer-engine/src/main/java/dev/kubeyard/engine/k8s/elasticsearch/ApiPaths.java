package dev.kubeyard.engine.k8s.elasticsearch;

import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import java.util.Map;

/** The REST path of a rendered object: core API under /api, groups under /apis, namespaced or not. */
final class ApiPaths {
  private static final Map<String, String> PLURALS = Map.of("Namespace", "namespaces", "Service", "services",
      "PersistentVolumeClaim", "persistentvolumeclaims", "PodDisruptionBudget", "poddisruptionbudgets",
      "StatefulSet", "statefulsets", "Pod", "pods", "Ingress", "ingresses", "NetworkPolicy", "networkpolicies");

  private ApiPaths() {}

  /** The collection an object is created in (POST). */
  static String collection(Manifest m) {
    String apiVersion = m.apiVersion();
    String root = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    String plural = PLURALS.get(m.kind());
    if (plural == null) {
      throw new IllegalArgumentException("no REST path known for kind " + m.kind());
    }
    if (m.kind().equals("Namespace")) {
      return root + "/" + plural;
    }
    return root + "/namespaces/" + m.object().path("metadata").path("namespace").asText() + "/" + plural;
  }

  /** The object itself (GET, PATCH, DELETE). */
  static String object(Manifest m) {
    return collection(m) + "/" + m.name();
  }

  static String statefulSet(String namespace, String name) {
    return "/apis/apps/v1/namespaces/" + namespace + "/statefulsets/" + name;
  }

  static String pod(String namespace, String name) {
    return "/api/v1/namespaces/" + namespace + "/pods/" + name;
  }
}

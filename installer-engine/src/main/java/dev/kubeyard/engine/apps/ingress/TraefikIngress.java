package dev.kubeyard.engine.apps.ingress;

import dev.kubeyard.model.version.KubernetesVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the apps' manifests assume of the ingress controller addon (Traefik, see the ingress ADR):
 * its namespace, IngressClass, pod label and entrypoints, and the HTTP Ingress every app publishes a
 * host with. TLS is the controller's: its websecure entrypoint terminates every router with the
 * cluster PKI's certificate for all app hosts, so an app's Ingress carries no {@code tls:} secret.
 */
public final class TraefikIngress {
  public static final String NAMESPACE = "kubeyard-ingress";
  public static final String CLASS = "traefik";
  /** The label on the controller's pods. */
  public static final Map<String, String> CONTROLLER_POD_LABELS = Map.of("app.kubernetes.io/name", "traefik");
  /** The TCP entrypoint that carries SQL Server's TDS. */
  public static final String SQLSERVER_ENTRYPOINT = "sqlserver";
  public static final String HTTPS_ENTRYPOINT = "websecure";
  /** The TCP entrypoint that carries GitLab's SSH to gitlab-shell (ADR 44); the addon does not open it yet. */
  public static final String GITLAB_SSH_ENTRYPOINT = "gitlab-ssh";

  private TraefikIngress() {}

  /** networking.k8s.io/v1 from 1.19; 1.14 to 1.18 serve networking.k8s.io/v1beta1. */
  public static String ingressApiVersion(KubernetesVersion v) {
    return v.atLeast(19) ? "networking.k8s.io/v1" : "networking.k8s.io/v1beta1";
  }

  /**
   * Traefik's CRD group: traefik.io on v3 (the current line; v3 needs 1.21+), traefik.containo.us on
   * v2.11, the controller of the 1.14 line.
   */
  public static String crdApiVersion(KubernetesVersion v) {
    return v.atLeast(21) ? "traefik.io/v1alpha1" : "traefik.containo.us/v1alpha1";
  }

  /**
   * The label a NetworkPolicy selects the controller's namespace by: the automatic
   * kubernetes.io/metadata.name from 1.21; before, the label the addon puts on its namespace.
   */
  public static Map<String, Object> namespaceLabels(KubernetesVersion v) {
    return Map.of(v.atLeast(21) ? "kubernetes.io/metadata.name" : "app.kubernetes.io/name", NAMESPACE);
  }

  /**
   * One host, every path to one Service port. The class by ingressClassName from 1.19, by the
   * kubernetes.io/ingress.class annotation before (Traefik 2.11 reads it). The router listens on
   * websecure only: plain HTTP on the web entrypoint is redirected to HTTPS before any router.
   */
  public static Map<String, Object> ingress(KubernetesVersion v, String name, String namespace,
      Map<String, Object> labels, String host, String service, String portName) {
    Map<String, Object> annotations = new LinkedHashMap<>();
    Map<String, Object> spec = new LinkedHashMap<>();
    Map<String, Object> path = new LinkedHashMap<>();
    path.put("path", "/");
    if (v.atLeast(19)) {
      spec.put("ingressClassName", CLASS);
      path.put("pathType", "Prefix");
      Map<String, Object> backend = new LinkedHashMap<>();
      backend.put("name", service);
      backend.put("port", Map.of("name", portName));
      path.put("backend", Map.of("service", backend));
    } else {
      annotations.put("kubernetes.io/ingress.class", CLASS);
      Map<String, Object> backend = new LinkedHashMap<>();
      backend.put("serviceName", service);
      backend.put("servicePort", portName);
      path.put("backend", backend);
    }
    annotations.put("traefik.ingress.kubernetes.io/router.entrypoints", HTTPS_ENTRYPOINT);
    annotations.put("traefik.ingress.kubernetes.io/router.tls", "true");
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("host", host);
    rule.put("http", Map.of("paths", List.of(path)));
    spec.put("rules", List.of(rule));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("namespace", namespace);
    metadata.put("labels", labels);
    metadata.put("annotations", annotations);
    Map<String, Object> ingress = new LinkedHashMap<>();
    ingress.put("apiVersion", ingressApiVersion(v));
    ingress.put("kind", "Ingress");
    ingress.put("metadata", metadata);
    ingress.put("spec", spec);
    return ingress;
  }
}

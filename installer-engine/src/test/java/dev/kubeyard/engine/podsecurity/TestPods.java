package dev.kubeyard.engine.podsecurity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Pods at each Pod Security Standards level, for admission tests. */
final class TestPods {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String IMAGE = "registry.example/app:1";

  private TestPods() {}

  /** Host network and a privileged container: only the privileged level allows it. */
  static ObjectNode privileged(String namespace, String serviceAccount) {
    ObjectNode pod = pod("privileged", namespace);
    ObjectNode spec = (ObjectNode) pod.get("spec");
    spec.put("serviceAccountName", serviceAccount).put("hostNetwork", true);
    ((ObjectNode) spec.get("containers").get(0)).putObject("securityContext").put("privileged", true);
    return pod;
  }

  /** The image's user (root, say) and no security context: baseline, not restricted. */
  static ObjectNode root(String namespace) {
    return pod("root", namespace);
  }

  /** Every field the restricted standard asks for. */
  static ObjectNode restricted(String namespace) {
    ObjectNode pod = pod("restricted", namespace);
    ObjectNode spec = (ObjectNode) pod.get("spec");
    ObjectNode security = spec.putObject("securityContext").put("runAsNonRoot", true).put("runAsUser", 10001);
    security.putObject("seccompProfile").put("type", "RuntimeDefault");
    ObjectNode c = ((ObjectNode) spec.get("containers").get(0)).putObject("securityContext")
        .put("allowPrivilegeEscalation", false);
    c.putObject("capabilities").putArray("drop").add("ALL");
    return pod;
  }

  /** The same on 1.14, which asks for the runtime's seccomp profile by annotation. */
  static ObjectNode restricted114(String namespace) {
    ObjectNode pod = restricted(namespace);
    ((ObjectNode) pod.get("spec").get("securityContext")).remove("seccompProfile");
    ((ObjectNode) pod.get("metadata")).putObject("annotations")
        .put("seccomp.security.alpha.kubernetes.io/pod", "runtime/default");
    return pod;
  }

  private static ObjectNode pod(String name, String namespace) {
    ObjectNode pod = NODES.objectNode().put("apiVersion", "v1").put("kind", "Pod");
    pod.putObject("metadata").put("name", name).put("namespace", namespace);
    ObjectNode spec = pod.putObject("spec").put("automountServiceAccountToken", false);
    spec.putArray("containers").addObject().put("name", "app").put("image", IMAGE);
    return pod;
  }
}

package dev.kubeyard.engine.apps;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.netpol.Peers;
import dev.kubeyard.engine.podsecurity.PodSecurity;
import dev.kubeyard.engine.podsecurity.PodSecurityLevel;
import dev.kubeyard.model.version.KubernetesVersion;

/**
 * An app's namespace: the app's labels, the Pod Security level its workloads fit (ADR 35), and Kubeyard's
 * name label, which other namespaces' NetworkPolicies select it by before 1.21 (ADR 39).
 */
public final class AppNamespace {
  private AppNamespace() {}

  public static ObjectNode of(String name, ObjectNode labels, PodSecurityLevel level, KubernetesVersion v) {
    ObjectNode ns = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "Namespace");
    PodSecurity.namespaceLabels(level, v).forEach(labels::put);
    labels.put(Peers.NAMESPACE_LABEL, name);
    ns.putObject("metadata").put("name", name).set("labels", labels);
    return ns;
  }
}

package dev.kubeyard.engine.netpol;

import dev.kubeyard.engine.apps.ingress.TraefikIngress;
import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The peers and ports of the flows. A policy sees a Service's traffic after kube-proxy's DNAT, so a
 * flow names the pods behind a Service and their container port (CoreDNS's {@value ComponentPorts#COREDNS}, not 53).
 */
public final class Peers {
  /** The label Kubeyard puts on the namespaces it creates, for lines before kubernetes.io/metadata.name (1.21). */
  public static final String NAMESPACE_LABEL = "kubeyard.dev/namespace";
  private static final Map<String, String> DNS_PODS = Map.of("k8s-app", "kube-dns");

  private Peers() {}

  /** Pods of the policy's own namespace. */
  public static Map<String, Object> pods(Map<String, ?> labels) {
    return Map.of("podSelector", Map.of("matchLabels", labels));
  }

  /** Pods with {@code labels} in {@code namespace}; every pod there when {@code labels} is empty. */
  public static Map<String, Object> podsIn(KubernetesVersion v, String namespace, Map<String, ?> labels) {
    Map<String, Object> peer = new LinkedHashMap<>();
    peer.put("namespaceSelector", Map.of("matchLabels", namespaceLabels(v, namespace)));
    peer.put("podSelector", labels.isEmpty() ? Map.of() : Map.of("matchLabels", labels));
    return peer;
  }

  /** How a selector finds {@code namespace}: its automatic name label from 1.21, Kubeyard's label before. */
  public static Map<String, String> namespaceLabels(KubernetesVersion v, String namespace) {
    return Map.of(v.atLeast(21) ? "kubernetes.io/metadata.name" : NAMESPACE_LABEL, namespace);
  }

  /**
   * CoreDNS's pods. Before 1.21 kube-system has no name label and Kubeyard does not relabel it, so any
   * namespace's pods labelled k8s-app=kube-dns match there (creating such pods needs rights in a namespace).
   */
  public static Map<String, Object> dns(KubernetesVersion v) {
    if (v.atLeast(21)) {
      return podsIn(v, "kube-system", DNS_PODS);
    }
    Map<String, Object> peer = new LinkedHashMap<>();
    peer.put("namespaceSelector", Map.of());
    peer.put("podSelector", Map.of("matchLabels", DNS_PODS));
    return peer;
  }

  /** The ingress controller's (Traefik's) pods, for an app that publishes a port through it. */
  public static Map<String, Object> ingressController(KubernetesVersion v) {
    Map<String, Object> peer = new LinkedHashMap<>();
    peer.put("namespaceSelector", Map.of("matchLabels", TraefikIngress.namespaceLabels(v)));
    peer.put("podSelector", Map.of("matchLabels", TraefikIngress.CONTROLLER_POD_LABELS));
    return peer;
  }

  /** One address, as a /32 block. */
  public static Map<String, Object> address(String ipv4) {
    return Map.of("ipBlock", Map.of("cidr", ipv4.contains("/") ? ipv4 : ipv4 + "/32"));
  }

  /** The apiservers behind the kubernetes Service: each master's address on the secure port after DNAT. */
  public static List<Map<String, Object>> addresses(List<String> ipv4) {
    return ipv4.stream().map(Peers::address).toList();
  }

  public static List<Map<String, Object>> tcp(int... ports) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int port : ports) {
      out.add(port("TCP", port));
    }
    return out;
  }

  /** DNS over UDP and TCP on CoreDNS's container port. */
  public static List<Map<String, Object>> dnsPorts() {
    return List.of(port("UDP", ComponentPorts.COREDNS), port("TCP", ComponentPorts.COREDNS));
  }

  private static Map<String, Object> port(String protocol, int port) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("protocol", protocol);
    p.put("port", port);
    return p;
  }
}

package dev.kubeyard.engine.facts;

import dev.kubeyard.model.spec.LoadBalancerSpec;

/**
 * The haproxy + keepalived pair in front of the apiservers and the ingress NodePorts, with every
 * default filled in: what the lb files, the lb step and preflight read instead of the spec's section.
 */
public record ApiLoadBalancer(
    String vip,
    int apiserverPort,
    String interfaceName,
    int virtualRouterId,
    int advertInterval,
    int ingressHttpPort,
    int ingressHttpsPort,
    int ingressHttpNodePort,
    int ingressHttpsNodePort) {

  /** The facts of a defaulted section; null when the spec has none (a single master, no VIP). */
  static ApiLoadBalancer of(LoadBalancerSpec lb) {
    if (lb == null) {
      return null;
    }
    return new ApiLoadBalancer(lb.vip(), lb.apiserverPort(), lb.interfaceName(), lb.virtualRouterId(),
        lb.advertInterval(), lb.ingressHttpPort(), lb.ingressHttpsPort(), lb.ingressHttpNodePort(),
        lb.ingressHttpsNodePort());
  }

  /** Where clients reach the API through the VIP. */
  public String url() {
    return "https://" + vip + ":" + apiserverPort;
  }
}

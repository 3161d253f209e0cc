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
    int ingressHttpsNodePort,
    int ingressSqlServerNodePort) {

  /** The facts of a defaulted section; null when the spec has none (a single master, no VIP). */
  static ApiLoadBalancer of(LoadBalancerSpec lb) {
    if (lb == null) {
      return null;
    }
    return new ApiLoadBalancer(lb.vip(), lb.apiserverPort(), lb.interfaceName(), lb.virtualRouterId(),
        lb.advertInterval(), lb.ingressHttpPort(), lb.ingressHttpsPort(), lb.ingressHttpNodePort(),
        lb.ingressHttpsNodePort(), lb.ingressSqlServerNodePort());
  }

  /**
   * keepalived's priority of the lb host at {@code index} in the spec: 120, 110, ... Every host starts BACKUP
   * with nopreempt (ADR 17), so the highest only picks the first holder; after a failover the VIP stays put.
   */
  public static int keepalivedPriority(int index) {
    return 120 - 10 * index;
  }

  /** Where clients reach the API through the VIP. */
  public String url() {
    return "https://" + vip + ":" + apiserverPort;
  }
}

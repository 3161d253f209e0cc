package dev.kubeyard.engine.k8s.pyservice;

import dev.kubeyard.engine.apps.pyservice.GatewayTokens;

/**
 * The gateway as the cluster has it: its Deployment's replicas, whether the Secret it mounts and the
 * API tokens' Secret exist, and where its Ingress answers. {@code deployed} is false when the Deployment does not exist.
 */
public record GatewayStatus(String namespace, boolean deployed, int desired, int ready, int updated, String image,
    boolean secretPresent, String ingressHost, String ingressAddress, boolean tokensPresent) {

  public static GatewayStatus notDeployed(String namespace, String ingressHost) {
    return new GatewayStatus(namespace, false, 0, 0, 0, "", false, ingressHost, "", false);
  }

  /** Every wanted replica runs the current template and is ready. */
  public boolean available() {
    return deployed && desired > 0 && ready == desired && updated == desired;
  }

  public String summary() {
    if (!deployed) {
      return "not deployed in namespace " + namespace;
    }
    return ready + "/" + desired + " ready, " + updated + " updated, image " + image
        + (secretPresent ? "" : "; Secret " + GatewayDeployer.SECRET + " is missing")
        + (tokensPresent ? "" : "; the API tokens' Secret " + GatewayTokens.SECRET + " is missing or incomplete"
            + " (deploy creates it)")
        + "; Ingress " + ingressHost + (ingressAddress.isEmpty() ? " (no address yet)" : " at " + ingressAddress);
  }
}

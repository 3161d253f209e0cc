package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The platform gateway service, reached through the Ingress at {@code host}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"enabled", "namespace", "image", "replicas", "host"})
public record PythonServiceSpec(
    Boolean enabled, String namespace, String image, Integer replicas, String host) {

  /** The gateway image the offline bundle builds (Debian's python3.11 and the pinned wheels, ADR 30). */
  public static final String BUNDLE_IMAGE_NAME = "kubeyard.local/platform-gateway";
  /** The default image: the bundle's, imported into containerd by the install, so the lab needs no registry. */
  public static final String BUNDLE_IMAGE = BUNDLE_IMAGE_NAME + ":0.3.0";

  /** True when the service is on and runs the bundle's image, which the install then imports on the workers. */
  public boolean runsBundleImage() {
    return !Boolean.FALSE.equals(enabled) && image != null && image.startsWith(BUNDLE_IMAGE_NAME + ":");
  }
}

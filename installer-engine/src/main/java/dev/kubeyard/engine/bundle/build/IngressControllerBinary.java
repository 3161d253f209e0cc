package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.render.AddonImages;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which Traefik the bundle's traefik image holds (ADR 29): the build whose version is the tag the line's
 * manifests name ({@link AddonImages}), so a bundle and the manifests of its line never disagree. 1.14
 * gets Traefik 2.11 (tools/go-components/traefik-v2), the current line Traefik 3 (traefik).
 */
final class IngressControllerBinary {
  /** The image's name on both lines: the manifests say kubeyard.local/traefik:VERSION. */
  static final String IMAGE = "traefik";

  private IngressControllerBinary() {}

  static GoArtifact forLine(List<GoArtifact> built, KubernetesVersion line) throws BundleException {
    String image = AddonImages.defaults(line).traefik();
    String wanted = image.substring(image.lastIndexOf(':') + 1);
    List<GoArtifact> traefiks = built.stream().filter(a -> a.provides().contains(IMAGE)).toList();
    return traefiks.stream().filter(a -> a.version().equals(wanted)).findFirst().orElseThrow(() -> {
      String made = traefiks.isEmpty() ? "none" : traefiks.stream().map(a -> a.component() + " " + a.version())
          .collect(Collectors.joining(", "));
      String component = wanted.startsWith("2.") ? "traefik-v2" : "traefik";
      return new BundleException("the Kubernetes " + line + " manifests run " + image + " but the Go builders made"
          + " Traefik " + made + "; pin " + wanted + " in tools/go-components/" + component + "/go.mod"
          + (component.equals("traefik-v2") ? " and build the 1.14 line with KUBEYARD_KUBERNETES_LINE=1.14" : ""));
    });
  }
}

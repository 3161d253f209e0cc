package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.render.AddonImages;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which build each addon image of the bundle holds: the one whose version is the tag its line's manifests
 * name ({@link AddonImages#defaults}), so a bundle and the manifests of its line never disagree. Without
 * this a 1.14 bundle with the current line's CoreDNS would pass {@code bundle verify} and fail at run time
 * (CoreDNS 1.7+ refuses 1.14's Corefile). Each line has its own Go component for most addons (ADR 29, 33).
 */
final class AddonBinaries {

  /** An addon image, the command its binary provides in the Go list, and its component on each line. */
  enum Addon {
    PAUSE("pause", "pause", AddonImages::pause, "pause", "pause"),
    COREDNS("coredns", "coredns", AddonImages::coredns, "coredns", "coredns-1.6"),
    METRICS_SERVER("metrics-server", "metrics-server", AddonImages::metricsServer, "metrics-server",
        "metrics-server-0.4"),
    FLANNEL("flannel", "flanneld", AddonImages::flannel, "flannel", "flannel-0.15"),
    TRAEFIK("traefik", "traefik", AddonImages::traefik, "traefik", "traefik-v2");

    /** The image's name on both lines: the manifests say kubeyard.local/IMAGE:VERSION. */
    final String image;
    final String command;
    final Function<AddonImages, String> reference;
    final String currentComponent;
    final String legacyComponent;

    Addon(String image, String command, Function<AddonImages, String> reference, String currentComponent,
        String legacyComponent) {
      this.image = image;
      this.command = command;
      this.reference = reference;
      this.currentComponent = currentComponent;
      this.legacyComponent = legacyComponent;
    }

    /** tools/go-components/COMPONENT builds it for {@code line}. */
    String component(KubernetesVersion line) {
      return AddonImages.currentReleases(line) ? currentComponent : legacyComponent;
    }
  }

  private AddonBinaries() {}

  /**
   * The build of every addon for {@code line}; fails naming each addon whose version differs from the one
   * the line's manifests name, so one run shows them all.
   */
  static Map<Addon, GoArtifact> forLine(List<GoArtifact> built, KubernetesVersion line) throws BundleException {
    Map<Addon, GoArtifact> out = new EnumMap<>(Addon.class);
    List<String> wrong = new ArrayList<>();
    for (Addon addon : Addon.values()) {
      try {
        out.put(addon, forLine(built, addon, line));
      } catch (BundleException e) {
        wrong.add(e.getMessage());
      }
    }
    if (!wrong.isEmpty()) {
      throw new BundleException(String.join("\n", wrong));
    }
    return out;
  }

  /** The build of {@code addon} whose version is the one {@code line}'s manifests name, or why there is none. */
  static GoArtifact forLine(List<GoArtifact> built, Addon addon, KubernetesVersion line) throws BundleException {
    String image = addon.reference.apply(AddonImages.defaults(line));
    String wanted = AddonImages.tag(image);
    List<GoArtifact> candidates = built.stream().filter(a -> a.provides().contains(addon.command)).toList();
    return candidates.stream().filter(a -> a.version().equals(wanted)).findFirst().orElseThrow(() -> {
      String made = candidates.isEmpty() ? "no " + addon.command : candidates.stream()
          .map(a -> a.component() + " " + a.version()).collect(Collectors.joining(", "));
      String component = addon.component(line);
      String pin = component.equals("pause") ? "VERSION in tools/go-components/pause/component.env"
          : "tools/go-components/" + component + "/go.mod";
      String build = AddonImages.currentReleases(line) ? "current line with 'kubeyard bundle build --line current'"
          : line.line() + " line with 'kubeyard bundle build --line " + line.line() + "'";
      return new BundleException("the Kubernetes " + line + " manifests run " + image + " but the Go builders made "
          + made + ", not " + addon.image + " " + wanted + "; pin " + wanted + " in " + pin + " and build the " + build);
    });
  }
}

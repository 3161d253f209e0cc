package dev.kubeyard.engine.bundle.verify;

import dev.kubeyard.engine.bundle.AppImage;
import dev.kubeyard.engine.bundle.BundleFile;
import dev.kubeyard.engine.bundle.BundleManifest;
import dev.kubeyard.engine.bundle.BundleProblem;
import dev.kubeyard.engine.bundle.BundleRequirements;
import dev.kubeyard.engine.bundle.Platform;
import dev.kubeyard.engine.bundle.Requirement;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Does a bundle hold everything a cluster needs, at the right version and for the right platform? */
final class Completeness {

  private Completeness() {}

  static List<BundleProblem> check(BundleManifest manifest, BundleRequirements needs) {
    List<BundleProblem> out = new ArrayList<>();
    if (!needs.kubernetesVersion().equals(manifest.kubernetesVersion())) {
      out.add(new BundleProblem(BundleManifest.FILE_NAME, "the bundle carries Kubernetes "
          + manifest.kubernetesVersion() + " but the cluster spec asks for " + needs.kubernetesVersion()
          + " (kubernetes.version)", "use a bundle for " + needs.kubernetesVersion()
          + ", or set kubernetes.version: " + manifest.kubernetesVersion() + " in the spec"));
    }
    if (!BundleRequirements.HOST_ARCHITECTURE.equals(manifest.architecture())) {
      out.add(new BundleProblem(BundleManifest.FILE_NAME, "the bundle is for " + manifest.architecture()
          + " hosts but Kubeyard installs " + BundleRequirements.HOST_ARCHITECTURE + " hosts",
          "build the bundle for " + BundleRequirements.HOST_ARCHITECTURE));
    }
    for (Requirement r : needs.commands()) {
      Optional<BundleFile> file = manifest.fileProviding(r.command(), r.platform());
      if (file.isEmpty()) {
        out.add(new BundleProblem(folderFor(r.platform()), "no " + r.command() + " for " + r.platform()
            + " (needed by " + r.why() + ")" + otherPlatforms(manifest, r), r.fix()));
      } else if (r.version().isPresent() && !r.version().get().equals(file.get().version())) {
        out.add(new BundleProblem(file.get().path(), r.command() + " is version " + file.get().version()
            + " but the cluster spec asks for " + r.version().get() + " (kubernetes.version)", r.fix()));
      }
    }
    Platform linux = new Platform("linux", BundleRequirements.HOST_ARCHITECTURE);
    KubernetesVersion cluster = KubernetesVersion.of(needs.kubernetesVersion());
    for (String component : needs.images()) {
      manifest.image(component, linux).flatMap(i -> AddonSupport.check(i, cluster)).ifPresent(out::add);
      if (manifest.image(component, linux).isEmpty()) {
        String elsewhere = manifest.images().stream().filter(i -> i.component().equals(component))
            .map(i -> i.path() + " is " + i.platform()).collect(Collectors.joining(", "));
        out.add(new BundleProblem("images", "no " + component + " image for " + linux
            + (elsewhere.isEmpty() ? "" : " (" + elsewhere + ")"),
            "rebuild the bundle with 'kubeyard bundle build' on an " + linux.architecture() + " machine"));
      }
    }
    return out;
  }

  /** Each image an app names by reference (ADR 41), present for the Linux hosts. */
  static List<BundleProblem> checkAppImages(BundleManifest manifest, List<AppImage> needs) {
    Platform linux = new Platform("linux", BundleRequirements.HOST_ARCHITECTURE);
    List<BundleProblem> out = new ArrayList<>();
    for (AppImage need : needs) {
      boolean present = manifest.images().stream()
          .anyMatch(i -> i.reference().equals(need.reference()) && i.platform().equals(linux));
      if (!present) {
        out.add(new BundleProblem("images", "no image " + need.reference() + " for " + linux + " (" + need.field()
            + ")", need.fix()));
      }
    }
    return out;
  }

  private static String folderFor(Platform p) {
    return "bin/" + p.folder();
  }

  /** "; the bundle has it for linux/arm64 only" when the command exists for another platform. */
  private static String otherPlatforms(BundleManifest manifest, Requirement r) {
    String others = manifest.files().stream().filter(f -> f.provides(r.command()))
        .map(f -> f.platform().toString()).distinct().collect(Collectors.joining(", "));
    return others.isEmpty() ? "" : "; the bundle has it for " + others + " only";
  }
}

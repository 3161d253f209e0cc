package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.BundleLine;
import dev.kubeyard.engine.bundle.build.AddonBinaries.Addon;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The images of the bundle, built from scratch: pause (the pod sandbox), CoreDNS, metrics-server, Traefik
 * (the ingress controller), MetalLB's controller and speaker (current line only: validation refuses its
 * pools below 1.25), and flannel, each the release its line's manifests name ({@link AddonBinaries}). Each
 * runs one static Go binary; flannel's image adds iptables and the libraries it needs from Debian, because
 * flanneld programs masquerading rules through the iptables commands; kube-router's policy controller
 * (ADR 39, one build for both lines) adds iptables and ipset the same way. GitLab's Redis and Sentinels
 * (ADR 43, both lines) run Debian's Redis 7.0 ({@link RedisImage}).
 */
final class ImageRecipes {

  private ImageRecipes() {}

  static List<ImageRecipe> of(BundleBuild b) throws BundleException {
    KubernetesVersion line = KubernetesVersion.of(b.kubernetesVersion);
    Map<Addon, GoArtifact> addons = AddonBinaries.forLine(b.goBinaries, line);
    GoArtifact flanneld = addons.get(Addon.FLANNEL);
    String rootfsOrigin = b.flannelRootfs.stream().map(t -> t.pkg().pinned()).collect(Collectors.joining(", "));
    List<ImageRecipe> out = new ArrayList<>(List.of(
        single(Addon.PAUSE.image, addons.get(Addon.PAUSE), "/pause", "65535:65535"),
        single(Addon.COREDNS.image, addons.get(Addon.COREDNS), "/coredns", "65532:65532"),
        single(Addon.METRICS_SERVER.image, addons.get(Addon.METRICS_SERVER), "/metrics-server", "65534:65534"),
        single(Addon.TRAEFIK.image, addons.get(Addon.TRAEFIK), "/traefik", "65532:65532"),
        new ImageRecipe(Addon.FLANNEL.image, flanneld.version(), ImageRecipe.reference(Addon.FLANNEL.image,
            flanneld.version()), List.of(RootFilesystem.files(b.flannelRootfs),
                List.of(new ImageRecipe.ImageFile(flanneld.file(), "/opt/bin/flanneld", true))),
            List.of("/opt/bin/flanneld"), "0:0", flanneld.origin() + " + debian:" + rootfsOrigin),
        withDebianRoot("kube-router", b.go("kube-router-netpol"), "/opt/bin/kube-router-netpol", b.kubeRouterRootfs)));
    if (!b.redisRootfs.isEmpty()) {
      out.add(RedisImage.recipe(b.redisRootfs, b.emptyDir));
    }
    if (b.line == BundleLine.CURRENT) {
      out.add(single("metallb-controller", b.go("metallb-controller"), "/controller", "65534:65534"));
      out.add(single("metallb-speaker", b.go("metallb-speaker"), "/speaker", "0:0")); // ARP needs NET_RAW as root
    }
    return List.copyOf(out);
  }

  /** A Go binary on a root of Debian packages, run as root: it programs the host's netfilter. */
  private static ImageRecipe withDebianRoot(String name, GoArtifact binary, String target, List<DebianTree> root)
      throws BundleException {
    String origin = root.stream().map(t -> t.pkg().pinned()).collect(Collectors.joining(", "));
    return new ImageRecipe(name, binary.version(), ImageRecipe.reference(name, binary.version()),
        List.of(RootFilesystem.files(root), List.of(new ImageRecipe.ImageFile(binary.file(), target, true))),
        List.of(target), "0:0", binary.origin() + " + debian:" + origin);
  }

  /** An image named {@code name} holding one static binary that is also its entrypoint. */
  private static ImageRecipe single(String name, GoArtifact binary, String target, String user) {
    return new ImageRecipe(name, binary.version(), ImageRecipe.reference(name, binary.version()),
        List.of(List.of(new ImageRecipe.ImageFile(binary.file(), target, true))), List.of(target), user,
        binary.origin());
  }
}

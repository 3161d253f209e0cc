package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The images of the bundle, built from scratch: pause (the pod sandbox), CoreDNS, metrics-server, Traefik
 * (the ingress controller, the line's release: {@link IngressControllerBinary}), MetalLB's controller and speaker, and flannel. Each runs one static Go binary; flannel's image adds iptables and the libraries it needs from
 * Debian, because flanneld programs masquerading rules through the iptables commands.
 */
final class ImageRecipes {

  private ImageRecipes() {}

  static List<ImageRecipe> of(BundleBuild b) throws BundleException {
    GoArtifact pause = b.go("pause");
    GoArtifact coredns = b.go("coredns");
    GoArtifact metrics = b.go("metrics-server");
    GoArtifact flanneld = b.go("flanneld");
    GoArtifact traefik = IngressControllerBinary.forLine(b.goBinaries, KubernetesVersion.of(b.kubernetesVersion));
    String rootfsOrigin = b.flannelRootfs.stream().map(t -> t.pkg().pinned()).collect(Collectors.joining(", "));
    return List.of(
        single(pause, "/pause", "65535:65535"),
        single(coredns, "/coredns", "65532:65532"),
        single(metrics, "/metrics-server", "65534:65534"),
        single(IngressControllerBinary.IMAGE, traefik, "/traefik", "65532:65532"),
        single("metallb-controller", b.go("metallb-controller"), "/controller", "65534:65534"),
        single("metallb-speaker", b.go("metallb-speaker"), "/speaker", "0:0"), // ARP needs NET_RAW as root
        new ImageRecipe("flannel", flanneld.version(), ImageRecipe.reference("flannel", flanneld.version()),
            List.of(RootFilesystem.files(b.flannelRootfs),
                List.of(new ImageRecipe.ImageFile(flanneld.file(), "/opt/bin/flanneld", true))),
            List.of("/opt/bin/flanneld"), "0:0", flanneld.origin() + " + debian:" + rootfsOrigin));
  }

  /** An image holding one static binary that is also its entrypoint. */
  private static ImageRecipe single(GoArtifact binary, String target, String user) {
    return single(binary.component(), binary, target, user);
  }

  /** The same, named {@code name}: one Go component (MetalLB) makes several images. */
  private static ImageRecipe single(String name, GoArtifact binary, String target, String user) {
    return new ImageRecipe(name, binary.version(), ImageRecipe.reference(name, binary.version()),
        List.of(List.of(new ImageRecipe.ImageFile(binary.file(), target, true))), List.of(target), user,
        binary.origin());
  }
}

package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Downloads the host packages from Debian's archive with the libraries a minimal Debian 12 host lacks
 * (apt resolves them against the dpkg status of a real debootstrap minbase root), and unpacks them into
 * debian/PACKAGE/. Also unpacks (outside the bundle) the root filesystem of the
 * flannel image (iptables with everything it needs down to libc), of the kube-router image (iptables
 * and ipset, ADR 39) and of GitLab's Redis image (ADR 43).
 */
final class UnpackDebianPackages implements BuildStep {

  /** What the hosts run from Debian: load balancer, container runtime, CNI plugins, netfilter tools. */
  static final List<String> HOST_PACKAGES = List.of("haproxy", "keepalived", "containerd", "runc",
      "containernetworking-plugins", "conntrack", "iptables", "socat");
  /** What flanneld calls inside its container. */
  static final List<String> FLANNEL_IMAGE_PACKAGES = List.of("iptables");
  /** What kube-router's policy controller calls: iptables-save/-restore and ipset. */
  static final List<String> KUBE_ROUTER_IMAGE_PACKAGES = List.of("iptables", "ipset");

  @Override
  public String title() {
    return "Debian packages (" + String.join(", ", HOST_PACKAGES) + ")";
  }

  @Override
  public void run(BundleBuild b) throws BundleException, IOException {
    DebianArchive apt = new DebianArchive(b.cache.debianStaging());
    Path minimal = b.cache.minimalDebian().resolve("var/lib/dpkg/status");
    if (!Files.isRegularFile(minimal)) {
      throw new BundleException("no minimal Debian root at " + b.cache.minimalDebian() + " to tell which libraries a"
          + " minimal host lacks; make it with 'debootstrap --variant=minbase bookworm " + b.cache.minimalDebian()
          + " http://deb.debian.org/debian' (tools/build-bundle.sh does this once)");
    }
    List<DebianPackage> host = apt.resolve(HOST_PACKAGES, minimal);
    b.progress.accept("  " + host.size() + " packages beyond a minimal Debian: "
        + host.stream().map(DebianPackage::name).collect(Collectors.joining(" ")));
    for (Map.Entry<DebianPackage, Path> deb : apt.download(host, b.cache.debianArchives()).entrySet()) {
      DebianTree tree = DebianTree.unpack(apt, deb.getKey(), deb.getValue(),
          b.cache.debianStaging().resolve("host").resolve(deb.getKey().name()));
      tree.moveInto(b.output, b.platform.architecture(), b.files, b.links);
    }
    b.flannelRootfs = imageRoot(b, apt, FLANNEL_IMAGE_PACKAGES, "flannel-image");
    b.kubeRouterRootfs = imageRoot(b, apt, KUBE_ROUTER_IMAGE_PACKAGES, "kube-router-image");
    b.redisRootfs = unpacked(b, apt, RedisImage.kept(apt.resolve(RedisImage.PACKAGES, null)), "redis-image");
    b.emptyDir = Files.createDirectories(b.cache.debianStaging().resolve("empty-image-dir"));
  }

  /** The packages' trees (with all they depend on, down to libc) for an image's root, outside the bundle. */
  private static List<DebianTree> imageRoot(BundleBuild b, DebianArchive apt, List<String> packages, String staging)
      throws BundleException, IOException {
    return unpacked(b, apt, apt.resolve(packages, null), staging);
  }

  private static List<DebianTree> unpacked(BundleBuild b, DebianArchive apt, List<DebianPackage> packages,
      String staging) throws BundleException, IOException {
    List<DebianTree> rootfs = new ArrayList<>();
    for (Map.Entry<DebianPackage, Path> deb : apt.download(packages, b.cache.debianArchives()).entrySet()) {
      rootfs.add(DebianTree.unpack(apt, deb.getKey(), deb.getValue(),
          b.cache.debianStaging().resolve(staging).resolve(deb.getKey().name())));
    }
    return List.copyOf(rootfs);
  }
}

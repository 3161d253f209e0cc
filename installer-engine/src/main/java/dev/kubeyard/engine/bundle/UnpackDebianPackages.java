package dev.kubeyard.engine.bundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Downloads the host packages from Debian's archive with the libraries a minimal Debian 12 host lacks,
 * and unpacks them into debian/PACKAGE/. Also unpacks (outside the bundle) the root filesystem of the
 * flannel image: iptables with everything it needs down to libc.
 */
final class UnpackDebianPackages implements BuildStep {

  /** What the hosts run from Debian: load balancer, container runtime, CNI plugins, netfilter tools. */
  static final List<String> HOST_PACKAGES = List.of("haproxy", "keepalived", "containerd", "runc",
      "containernetworking-plugins", "conntrack", "iptables", "socat");
  /** What flanneld calls inside its container. */
  static final List<String> FLANNEL_IMAGE_PACKAGES = List.of("iptables");

  @Override
  public String title() {
    return "Debian packages (" + String.join(", ", HOST_PACKAGES) + ")";
  }

  @Override
  public void run(BundleBuild b) throws BundleException, IOException {
    DebianArchive apt = new DebianArchive(b.cache.debianStaging());
    List<DebianPackage> host = apt.resolve(HOST_PACKAGES, true);
    b.progress.accept("  " + host.size() + " packages beyond a minimal Debian: "
        + host.stream().map(DebianPackage::name).collect(Collectors.joining(" ")));
    for (DebianPackage p : host) {
      Path deb = apt.download(p, b.cache.debianArchives());
      DebianTree tree = DebianTree.unpack(apt, p, deb, b.cache.debianStaging().resolve("host").resolve(p.name()));
      tree.moveInto(b.output, b.platform.architecture(), b.files, b.links);
    }
    List<DebianTree> rootfs = new ArrayList<>();
    for (DebianPackage p : apt.resolve(FLANNEL_IMAGE_PACKAGES, false)) {
      Path deb = apt.download(p, b.cache.debianArchives());
      rootfs.add(DebianTree.unpack(apt, p, deb, b.cache.debianStaging().resolve("flannel-image").resolve(p.name())));
    }
    b.flannelRootfs = List.copyOf(rootfs);
  }
}

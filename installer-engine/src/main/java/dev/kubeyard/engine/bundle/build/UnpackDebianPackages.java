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
    List<DebianTree> rootfs = new ArrayList<>();
    List<DebianPackage> image = apt.resolve(FLANNEL_IMAGE_PACKAGES, null);
    for (Map.Entry<DebianPackage, Path> deb : apt.download(image, b.cache.debianArchives()).entrySet()) {
      rootfs.add(DebianTree.unpack(apt, deb.getKey(), deb.getValue(),
          b.cache.debianStaging().resolve("flannel-image").resolve(deb.getKey().name())));
    }
    b.flannelRootfs = List.copyOf(rootfs);
  }
}

package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The image {@code kubeyard.local/redis:7.0.15} for GitLab's Redis and its Sentinels (ADR 43): Debian 12's
 * redis-server and redis-sentinel (BSD-3-Clause; the Redis 8 of later suites is not under a licence this
 * project ships), dash and coreutils for the start scripts the manifests mount, and the libraries they
 * load, unpacked from Debian's archive like the flannel image's root. One binary: redis-server and
 * redis-sentinel are both redis-check-rdb, which reads its role from its name. Runs as uid 999.
 */
public final class RedisImage {
  public static final String COMPONENT = dev.kubeyard.engine.bundle.BundleRequirements.GITLAB_REDIS_IMAGE;
  /** The upstream version the manifests name; the build refuses another (a suite's update changes it). */
  public static final String VERSION = "7.0.15";
  public static final int USER = 999;
  /** apt resolves these with every dependency; only the packages in {@link #KEPT} go into the image. */
  static final List<String> PACKAGES = List.of("redis-server", "redis-sentinel", "dash", "coreutils");
  /**
   * What redis-server, redis-cli, dash and coreutils load (ldd); the rest (adduser, perl, PAM, dpkg) is
   * what the packages' maintainer scripts need on a real host, never run in a container.
   */
  static final Set<String> KEPT = Set.of("redis-server", "redis-sentinel", "redis-tools", "dash", "coreutils",
      "libc6", "libgcc-s1", "gcc-12-base", "libstdc++6", "libatomic1", "libjemalloc2", "liblzf1", "libssl3",
      "libsystemd0", "libcap2", "libgcrypt20", "libgpg-error0", "liblzma5", "libzstd1", "liblz4-1", "libacl1",
      "libattr1", "libgmp10", "libpcre2-8-0", "libselinux1");

  private RedisImage() {}

  public static String reference() {
    return ImageRecipe.reference(COMPONENT, VERSION);
  }

  /** The resolved packages that go into the image, checked to carry Redis {@link #VERSION}. */
  static List<DebianPackage> kept(List<DebianPackage> resolved) throws BundleException {
    List<DebianPackage> kept = resolved.stream().filter(p -> KEPT.contains(p.name())).toList();
    DebianPackage tools = kept.stream().filter(p -> p.name().equals("redis-tools")).findFirst()
        .orElseThrow(() -> new BundleException("apt resolved no redis-tools for " + PACKAGES
            + "; check that this machine's apt sources include Debian 12 (bookworm)"));
    String upstream = tools.versionWithoutEpoch().replaceFirst("-[^-]*$", "");
    if (!upstream.equals(VERSION)) {
      throw new BundleException("Debian's archive serves Redis " + upstream + " (" + tools.pinned() + "), the GitLab"
          + " manifests name " + VERSION + "; point apt at Debian 12 (bookworm), or change RedisImage.VERSION after"
          + " checking the new version's licence (ADR 43)");
    }
    return kept;
  }

  /** The image from the unpacked packages plus an empty /tmp and /data, owned by {@link #USER}. */
  static ImageRecipe recipe(List<DebianTree> root, Path emptyDir) throws BundleException {
    List<ImageRecipe.ImageFile> dirs = new ArrayList<>();
    dirs.add(new ImageRecipe.ImageFile(emptyDir, "/tmp", false, "777", "0:0"));
    dirs.add(new ImageRecipe.ImageFile(emptyDir, "/data", false, "770", USER + ":" + USER));
    String origin = root.stream().map(t -> t.pkg().pinned()).collect(Collectors.joining(", "));
    return new ImageRecipe(COMPONENT, VERSION, reference(), List.of(RootFilesystem.files(root), dirs),
        List.of("/usr/bin/redis-server"), USER + ":" + USER, "debian:" + origin);
  }
}

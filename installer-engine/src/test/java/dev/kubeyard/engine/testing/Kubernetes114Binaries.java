package dev.kubeyard.engine.testing;

import dev.kubeyard.engine.bundle.BuiltBundle;
import java.nio.file.Path;

/**
 * Kubernetes 1.14.10's binaries, which the current line's bundle does not carry: from
 * -Dkubeyard.k114.bin=DIR or where tools/k8s-builder-1.14/build.sh leaves hyperkube and its links; etcd
 * from -Dkubeyard.etcd=FILE or the built bundle.
 */
public final class Kubernetes114Binaries {
  private Kubernetes114Binaries() {}

  public static Path folder() {
    String given = System.getProperty("kubeyard.k114.bin");
    if (given != null) {
      return Path.of(given);
    }
    String cache = System.getenv().getOrDefault("KUBEYARD_CACHE", System.getProperty("user.home") + "/.cache/kubeyard");
    return Path.of(cache, "bin", "kubernetes-v1.14.10", "linux-amd64");
  }

  /** A command for BundleApiserver.start: etcd, kube-apiserver or kubectl. */
  public static Path command(String name) {
    if (name.equals("etcd")) {
      String given = System.getProperty("kubeyard.etcd");
      return given != null ? Path.of(given) : BuiltBundle.command("etcd");
    }
    return folder().resolve(name);
  }
}

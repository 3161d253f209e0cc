package dev.kubeyard.engine.audit;

import dev.kubeyard.engine.testing.Golden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A host's answer to {@link HostReading#script}, recorded in the shape the script prints it: the
 * rendered files of a golden host (what the install places) with the modes and owners a test chooses,
 * so each test breaks exactly one thing.
 */
final class RecordedHost {
  private final Path golden;
  private final Map<String, String> stats = new LinkedHashMap<>();
  private final Map<String, String> printed = new LinkedHashMap<>();
  private String extra = "";

  RecordedHost(String line, String host) {
    golden = Golden.root().resolve("render/" + line + "/" + host);
  }

  /** A master and etcd member of the current line as Kubeyard hardens it: 0600 files, 0644 certificates. */
  static RecordedHost master135() {
    RecordedHost h = new RecordedHost("1.35", "master1");
    for (String u : new String[] {"kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd", "kubelet", "kube-proxy"}) {
      h.stat("/etc/systemd/system/" + u + ".service", "600 root:root").print("/etc/systemd/system/" + u + ".service");
    }
    for (String k : HostReading.KUBECONFIGS) {
      h.stat("/etc/kubernetes/" + k + ".kubeconfig", "600 root:root");
    }
    h.stat("/var/lib/kubelet/config.yaml", "600 root:root").print("/var/lib/kubelet/config.yaml");
    h.stat("/var/lib/etcd", "700 etcd:etcd").stat("/etc/kubernetes/ssl", "755 root:root").stat("/etc/cni/net.d/10-flannel.conflist", "600 root:root");
    h.stat("/etc/kubernetes/ssl/ca.pem", "644 root:root").stat("/etc/kubernetes/ssl/kubernetes.pem", "644 root:root")
        .stat("/etc/kubernetes/ssl/kubernetes-key.pem", "600 root:root").stat("/etc/kubernetes/ssl/sa.pub", "600 root:root");
    h.extra = "provider aescbc\nprovider identity\nhash aaaaaaaaaaaaaaaa /etc/kubernetes/ssl/ca.pem\nhash bbbbbbbbbbbbbbbb /etc/etcd/ssl/etcd-ca.pem\n";
    return h;
  }

  RecordedHost stat(String path, String modeAndOwner) {
    stats.put(path, modeAndOwner);
    return this;
  }

  /** Prints the golden file at {@code path} as the host would. */
  RecordedHost print(String path) {
    try {
      printed.put(path, Files.readString(golden.resolve(path.substring(1))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Replaces text in a printed file, as an administrator's edit on the host would. */
  RecordedHost edit(String path, String from, String to) {
    String before = printed.get(path);
    String after = before.replace(from, to);
    if (after.equals(before)) {
      throw new IllegalArgumentException(from + " not in " + path);
    }
    printed.put(path, after);
    return this;
  }

  String answer() {
    StringBuilder b = new StringBuilder();
    stats.forEach((p, s) -> b.append("stat ").append(s).append(' ').append(p).append('\n'));
    printed.forEach((p, text) -> b.append(HostReading.BEGIN).append(p).append('\n').append(text).append('\n')
        .append(HostReading.END).append(p).append('\n'));
    return b.append(extra).toString();
  }

  HostEvidence evidence() {
    return HostEvidence.parse(answer());
  }
}

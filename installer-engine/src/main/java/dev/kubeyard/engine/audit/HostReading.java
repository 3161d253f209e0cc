package dev.kubeyard.engine.audit;

import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.engine.shell.HostShell;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one read-only script the audit runs on a Linux host: stat of every file the benchmark names where
 * Kubeyard places it (render/HostPaths), the units and the kubelet config printed between markers, the
 * encryption config's provider names only (its keys never leave the host) and the CA files' hashes.
 * It changes nothing and always exits 0; a missing file is simply absent from the answer.
 */
public final class HostReading {
  static final String BEGIN = "@@kubeyard-audit begin ";
  static final String END = "@@kubeyard-audit end ";
  static final String ETCD_CA = HostPaths.ETCD_SSL + "/etcd-ca.pem";
  static final String KUBELET_CONFIG = HostPaths.KUBELET_DIR + "/config.yaml";
  static final String ENCRYPTION_CONFIG = HostPaths.KUBE + "/encryption-config.yaml";
  static final List<String> KUBECONFIGS =
      List.of("admin", "kube-scheduler", "kube-controller-manager", "kubelet", "kube-proxy");

  private HostReading() {}

  static String unitPath(Component c) {
    return HostPaths.unit(c.service());
  }

  /** The script, in the host's shell (only POSIX hosts are audited). */
  public static String script(HostShell shell) {
    List<String> files = Stream.concat(
        Stream.of(Component.values()).map(HostReading::unitPath),
        Stream.concat(KUBECONFIGS.stream().map(HostPaths::kubeconfig),
            Stream.of(KUBELET_CONFIG, ENCRYPTION_CONFIG, HostPaths.ETCD_DATA, HostPaths.SSL, HostPaths.ETCD_SSL)))
        .toList();
    String quoted = files.stream().map(shell::quote).collect(Collectors.joining(" "));
    String printed = Stream.concat(Stream.of(Component.values()).map(HostReading::unitPath), Stream.of(KUBELET_CONFIG))
        .map(shell::quote).collect(Collectors.joining(" "));
    return "for f in " + quoted + "; do [ -e \"$f\" ] && stat -c 'stat %a %U:%G %n' \"$f\"; done; "
        + "for d in " + shell.quote(HostPaths.SSL) + " " + shell.quote(HostPaths.ETCD_SSL) + " " + shell.quote(HostPaths.CNI_CONF)
        + "; do [ -d \"$d\" ] && find \"$d\" -mindepth 1 -maxdepth 1 -exec stat -c 'stat %a %U:%G %n' {} +; done; "
        + "for f in " + printed + "; do [ -f \"$f\" ] && { echo '" + BEGIN + "'\"$f\"; cat \"$f\"; echo; echo '" + END + "'\"$f\"; }; done; "
        + "[ -f " + shell.quote(ENCRYPTION_CONFIG) + " ] && grep -oE '^ *- (aescbc|aesgcm|secretbox|kms|identity):' "
        + shell.quote(ENCRYPTION_CONFIG) + " | tr -d ' :-' | sed 's/^/provider /'; "
        + "for f in " + shell.quote(HostPaths.ssl("ca")) + " " + shell.quote(ETCD_CA)
        + "; do [ -f \"$f\" ] && echo \"hash $(sha256sum < \"$f\" | cut -d' ' -f1) $f\"; done; true";
  }
}

package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.EtcdMember;
import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.List;

/** The etcd unit: client and peer traffic both TLS with client-certificate auth, trusting only the etcd CA. */
final class EtcdFiles implements HostRenderer {

  @Override
  public List<RenderedFile> render(RenderContext ctx, HostSpec host) {
    if (!host.has(Role.ETCD)) {
      return List.of();
    }
    EtcdMember me = ctx.facts().etcdMembers().stream().filter(m -> m.hostName().equals(host.name()))
        .findFirst().orElseThrow();
    String cert = HostPaths.ETCD_SSL + "/etcd-" + host.name() + ".pem";
    String key = HostPaths.ETCD_SSL + "/etcd-" + host.name() + "-key.pem";
    String ca = HostPaths.ETCD_SSL + "/etcd-ca.pem";
    List<String> flags = List.of(
        "--name=" + me.name(),
        "--data-dir=" + HostPaths.ETCD_DATA,
        "--cert-file=" + cert,
        "--key-file=" + key,
        "--trusted-ca-file=" + ca,
        "--client-cert-auth=true",
        "--peer-cert-file=" + cert,
        "--peer-key-file=" + key,
        "--peer-trusted-ca-file=" + ca,
        "--peer-client-cert-auth=true",
        "--listen-peer-urls=" + me.peerUrl(),
        "--initial-advertise-peer-urls=" + me.peerUrl(),
        "--listen-client-urls=" + me.clientUrl() + ",https://127.0.0.1:" + ComponentPorts.ETCD_CLIENT,
        "--advertise-client-urls=" + me.clientUrl(),
        "--initial-cluster-token=" + ctx.facts().etcdClusterToken(),
        "--initial-cluster=" + ctx.facts().etcdInitialCluster(),
        "--initial-cluster-state=new",
        "--auto-compaction-mode=periodic",
        "--auto-compaction-retention=1h",
        "--quota-backend-bytes=8589934592",
        "--cipher-suites=" + TlsPolicy.cipherSuites());
    String unit = new SystemdUnit("etcd key-value store (Kubeyard)")
        .unit("After", "network-online.target")
        .unit("Wants", "network-online.target")
        .exec(HostPaths.BIN + "/etcd", flags)
        .service("Type", "notify")
        .service("WorkingDirectory", HostPaths.ETCD_DATA)
        .service("Restart", "on-failure")
        .service("RestartSec", "5")
        .service("LimitNOFILE", "65536")
        .text();
    return List.of(RenderedFile.rootOnly(host.name(), HostPaths.unit("etcd"), unit));
  }
}

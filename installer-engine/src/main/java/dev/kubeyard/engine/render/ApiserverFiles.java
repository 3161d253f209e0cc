package dev.kubeyard.engine.render;

import dev.kubeyard.engine.podsecurity.PodSecurity;
import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * kube-apiserver: secure port only, client certificates, Node,RBAC, anonymous auth off, no basic
 * auth, Secrets encrypted at rest, an audit policy, a separate front-proxy CA and service-account key.
 */
final class ApiserverFiles implements HostRenderer {
  static final String AUDIT_POLICY = HostPaths.KUBE + "/audit-policy.yaml";
  static final String ENCRYPTION_CONFIG = HostPaths.KUBE + "/encryption-config.yaml";
  /** Pod Security Admission's cluster defaults (ADR 35), on the lines that have it. */
  static final String ADMISSION_CONFIG = HostPaths.KUBE + "/admission-config.yaml";
  /** Longer than haproxy needs to see a failing /readyz (inter 2s, fastinter 500ms, fall 2). */
  static final String SHUTDOWN_DELAY = "5s";

  @Override
  public List<RenderedFile> render(RenderContext ctx, HostSpec host) {
    if (!host.has(Role.MASTER)) {
      return List.of();
    }
    KubernetesVersion v = ctx.version();
    CommandFlags f = new CommandFlags("kube-apiserver", v)
        .add("--advertise-address", host.address())
        .add("--bind-address", "0.0.0.0")
        .add("--secure-port", ComponentPorts.APISERVER)
        .addIf(!v.atLeast(20), "--insecure-port", 0)
        .add("--anonymous-auth", false)
        .add("--authorization-mode", "Node,RBAC")
        // pod security: PodSecurity with ADMISSION_CONFIG, or PodSecurityPolicy on 1.14 (ADR 35)
        .add("--enable-admission-plugins", PodSecurity.admissionPlugins(v))
        .addIf(PodSecurity.admission(v), "--admission-control-config-file", ADMISSION_CONFIG)
        .add("--allow-privileged", true)
        .add("--profiling", false)
        .add("--client-ca-file", HostPaths.ssl("ca"))
        .add("--tls-cert-file", HostPaths.ssl("kubernetes"))
        .add("--tls-private-key-file", HostPaths.sslKey("kubernetes"))
        .add("--tls-min-version", TlsPolicy.MIN_VERSION)
        .add("--tls-cipher-suites", TlsPolicy.cipherSuites())
        .add("--kubelet-certificate-authority", HostPaths.ssl("ca"))
        .add("--kubelet-client-certificate", HostPaths.ssl("apiserver-kubelet-client"))
        .add("--kubelet-client-key", HostPaths.sslKey("apiserver-kubelet-client"))
        .add("--kubelet-preferred-address-types", "InternalIP,Hostname")
        .add("--etcd-servers", ctx.facts().etcdServers())
        .add("--etcd-cafile", HostPaths.ssl("etcd-ca"))
        .add("--etcd-certfile", HostPaths.ssl("apiserver-etcd-client"))
        .add("--etcd-keyfile", HostPaths.sslKey("apiserver-etcd-client"))
        .add("--service-cluster-ip-range", ctx.facts().serviceCidr())
        .add("--service-node-port-range", ctx.facts().nodePortRange())
        .add("--service-account-key-file", HostPaths.SSL + "/sa.pub")
        .add("--service-account-lookup", true) // the default, written out: a deleted account's token stops working (CIS 1.2, service-account-lookup)
        // bound tokens live only as long as they were asked for, not a year for legacy clients (CIS 1.2.30)
        .addIf(v.atLeast(20), "--service-account-extend-token-expiration", false)
        .addIf(v.atLeast(20), "--service-account-signing-key-file", HostPaths.sslKey("sa"))
        .addIf(v.atLeast(20), "--service-account-issuer",
            "https://kubernetes.default.svc." + ctx.facts().clusterDomain())
        .add("--encryption-provider-config", ENCRYPTION_CONFIG)
        .add("--audit-policy-file", AUDIT_POLICY)
        .add("--audit-log-path", HostPaths.AUDIT_LOG)
        .add("--audit-log-maxage", 30)
        .add("--audit-log-maxbackup", 10)
        .add("--audit-log-maxsize", 100)
        .add("--requestheader-client-ca-file", HostPaths.ssl("front-proxy-ca"))
        .add("--requestheader-allowed-names", "front-proxy-client")
        .add("--requestheader-extra-headers-prefix", "X-Remote-Extra-")
        .add("--requestheader-group-headers", "X-Remote-Group")
        .add("--requestheader-username-headers", "X-Remote-User")
        .add("--proxy-client-cert-file", HostPaths.ssl("front-proxy-client"))
        .add("--proxy-client-key-file", HostPaths.sslKey("front-proxy-client"))
        .add("--enable-aggregator-routing", true)
        // on stop, /readyz fails first and requests are still served until both haproxys took it out
        .addIf(v.atLeast(16), "--shutdown-delay-duration", SHUTDOWN_DELAY)
        .add("--v", 2);
    String unit = new SystemdUnit("Kubernetes API server (Kubeyard)")
        .unit("After", "network-online.target")
        .unit("Wants", "network-online.target")
        .exec(HostPaths.BIN + "/kube-apiserver", f.lines())
        .service("Type", "notify")
        .service("Restart", "on-failure")
        .service("RestartSec", "5")
        .service("LimitNOFILE", "65536")
        .text();
    List<RenderedFile> files = new ArrayList<>(List.of(
        RenderedFile.rootOnly(host.name(), HostPaths.unit("kube-apiserver"), unit),
        RenderedFile.rootOnly(host.name(), AUDIT_POLICY, Templates.render("control-plane/audit-policy.yaml", Map.of())),
        RenderedFile.secret(host.name(), ENCRYPTION_CONFIG, Templates.render("control-plane/encryption-config.yaml",
            Map.of("key", ctx.secrets().encryptionKeyBase64())))));
    if (PodSecurity.admission(v)) {
      files.add(RenderedFile.rootOnly(host.name(), ADMISSION_CONFIG, Templates.render("control-plane/admission-config.yaml",
          Map.of("enforce", PodSecurity.CLUSTER_ENFORCE.label(),
              "warnAndAudit", PodSecurity.CLUSTER_WARN_AND_AUDIT.label()))));
    }
    return List.copyOf(files);
  }
}

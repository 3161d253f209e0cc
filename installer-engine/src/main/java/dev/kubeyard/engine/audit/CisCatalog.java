package dev.kubeyard.engine.audit;

import static dev.kubeyard.engine.audit.Component.APISERVER;
import static dev.kubeyard.engine.audit.Component.CONTROLLER_MANAGER;
import static dev.kubeyard.engine.audit.Component.ETCD;
import static dev.kubeyard.engine.audit.Component.KUBELET;
import static dev.kubeyard.engine.audit.Component.KUBE_PROXY;
import static dev.kubeyard.engine.audit.Component.SCHEDULER;
import static dev.kubeyard.engine.audit.Rules.at;
import static dev.kubeyard.engine.audit.Rules.everyFile;
import static dev.kubeyard.engine.audit.Rules.flag;
import static dev.kubeyard.engine.audit.Rules.flagAbsent;
import static dev.kubeyard.engine.audit.Rules.flagAtLeast;
import static dev.kubeyard.engine.audit.Rules.flagPath;
import static dev.kubeyard.engine.audit.Rules.flagsSet;
import static dev.kubeyard.engine.audit.Rules.given;
import static dev.kubeyard.engine.audit.Rules.is;
import static dev.kubeyard.engine.audit.Rules.isNot;
import static dev.kubeyard.engine.audit.Rules.kubelet;
import static dev.kubeyard.engine.audit.Rules.listHas;
import static dev.kubeyard.engine.audit.Rules.mode;
import static dev.kubeyard.engine.audit.Rules.owner;

import dev.kubeyard.engine.audit.CisCheck.Rule;
import dev.kubeyard.engine.audit.Rules.Where;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The benchmark's items that apply to what Kubeyard places on hosts (no static pods, systemd units
 * instead: the "pod specification file" items are read on the units). Two numberings (ADR 36): the
 * current line is checked against CIS Kubernetes Benchmark v1.11 (kube-bench cis-1.11; v1.12 numbers
 * sections 1, 2 and 4.1-4.2.14 the same); the 1.14 line against v1.5.1, the oldest edition with this
 * layout (written for 1.15; 1.14's flags are the same for these items). Sections 3 and 5 (policies)
 * are not host files or flags and are left to the cluster-side sections of docs/security.md.
 */
public final class CisCatalog {
  static final String PKI = HostPaths.SSL;
  private static final boolean AUTO = true;
  private static final boolean MANUAL = false;

  private final String edition;
  private final List<CisCheck> checks = new ArrayList<>();

  private CisCatalog(String edition) {
    this.edition = edition;
  }

  public static CisCatalog forVersion(KubernetesVersion v) {
    return v.atLeast(20) ? v111() : v151();
  }

  public String edition() {
    return edition;
  }

  /** In the benchmark's order (1.2.4 before 1.2.10). */
  public List<CisCheck> checks() {
    return checks.stream().sorted(Comparator.comparing(CisCheck::id, CisCatalog::byNumber)).toList();
  }

  private static int byNumber(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private CisCatalog add(String id, String title, int level, boolean automated, Component c, Rule rule) {
    checks.add(new CisCheck(id, title, level, automated, c, rule));
    return this;
  }

  private static Where unit(Component c) {
    return at(HostReading.unitPath(c));
  }

  private static Where kubeconfig(String name) {
    return at(HostPaths.kubeconfig(name));
  }

  private static boolean isKey(String path) {
    return path.endsWith("-key.pem") || path.endsWith(".key") || path.endsWith("/sa.pub");
  }

  /** Files and ownership of the control plane (1.1.x); {@code spec} is the pod-spec (unit) and conf mode. */
  private CisCatalog controlPlaneFiles(int spec, int conf, String n) {
    add("1.1.1", "API server unit file permissions " + n + " or more restrictive", 1, AUTO, APISERVER, mode(unit(APISERVER), spec));
    add("1.1.2", "API server unit file ownership root:root", 1, AUTO, APISERVER, owner(unit(APISERVER), "root:root"));
    add("1.1.3", "controller manager unit file permissions " + n + " or more restrictive", 1, AUTO, CONTROLLER_MANAGER,
        mode(unit(CONTROLLER_MANAGER), spec));
    add("1.1.4", "controller manager unit file ownership root:root", 1, AUTO, CONTROLLER_MANAGER, owner(unit(CONTROLLER_MANAGER), "root:root"));
    add("1.1.5", "scheduler unit file permissions " + n + " or more restrictive", 1, AUTO, SCHEDULER, mode(unit(SCHEDULER), spec));
    add("1.1.6", "scheduler unit file ownership root:root", 1, AUTO, SCHEDULER, owner(unit(SCHEDULER), "root:root"));
    add("1.1.7", "etcd unit file permissions " + n + " or more restrictive", 1, AUTO, ETCD, mode(unit(ETCD), spec));
    add("1.1.8", "etcd unit file ownership root:root", 1, AUTO, ETCD, owner(unit(ETCD), "root:root"));
    add("1.1.9", "CNI file permissions " + n + " or more restrictive", 1, MANUAL, KUBELET,
        everyFile(HostPaths.CNI_CONF, p -> true, f -> (f.mode() & ~spec) == 0));
    add("1.1.10", "CNI file ownership root:root", 1, MANUAL, KUBELET, everyFile(HostPaths.CNI_CONF, p -> true, f -> f.owner().equals("root:root")));
    add("1.1.11", "etcd data directory permissions 700 or more restrictive", 1, AUTO, ETCD, mode(at(HostPaths.ETCD_DATA), 0700));
    add("1.1.12", "etcd data directory ownership etcd:etcd", 1, AUTO, ETCD, owner(at(HostPaths.ETCD_DATA), "etcd:etcd"));
    add("1.1.13", "admin kubeconfig permissions " + (conf == 0600 ? "600" : n + " or more restrictive"), 1, AUTO, APISERVER,
        mode(kubeconfig("admin"), conf));
    add("1.1.14", "admin kubeconfig ownership root:root", 1, AUTO, APISERVER, owner(kubeconfig("admin"), "root:root"));
    add("1.1.15", "scheduler kubeconfig permissions " + n + " or more restrictive", 1, AUTO, SCHEDULER, mode(kubeconfig("kube-scheduler"), conf));
    add("1.1.16", "scheduler kubeconfig ownership root:root", 1, AUTO, SCHEDULER, owner(kubeconfig("kube-scheduler"), "root:root"));
    add("1.1.17", "controller-manager kubeconfig permissions " + n + " or more restrictive", 1, AUTO, CONTROLLER_MANAGER,
        mode(kubeconfig("kube-controller-manager"), conf));
    add("1.1.18", "controller-manager kubeconfig ownership root:root", 1, AUTO, CONTROLLER_MANAGER,
        owner(kubeconfig("kube-controller-manager"), "root:root"));
    add("1.1.19", "PKI directory and file ownership root:root", 1, AUTO, APISERVER, Rules.both(owner(at(PKI), "root:root"),
        everyFile(PKI, p -> true, f -> f.owner().equals("root:root"))));
    add("1.1.20", "PKI certificate file permissions 644 or more restrictive", 1, MANUAL, APISERVER,
        everyFile(PKI, p -> !isKey(p), f -> (f.mode() & ~0644) == 0));
    return add("1.1.21", "PKI key file permissions 600", 1, MANUAL, APISERVER,
        everyFile(PKI, p -> isKey(p) && !p.endsWith(".pub"), f -> (f.mode() & ~0600) == 0));
  }

  private CisCatalog controllerManagerAndScheduler() {
    add("1.3.1", "--terminated-pod-gc-threshold as appropriate", 1, MANUAL, CONTROLLER_MANAGER,
        Rules.show(CONTROLLER_MANAGER, "--terminated-pod-gc-threshold", "12500"));
    add("1.3.2", "--profiling false", 1, AUTO, CONTROLLER_MANAGER, flag(CONTROLLER_MANAGER, "--profiling", "false", "true"));
    add("1.3.3", "--use-service-account-credentials true", 1, AUTO, CONTROLLER_MANAGER,
        flag(CONTROLLER_MANAGER, "--use-service-account-credentials", "true", "false"));
    add("1.3.4", "--service-account-private-key-file set", 1, AUTO, CONTROLLER_MANAGER, flagsSet(CONTROLLER_MANAGER, "--service-account-private-key-file"));
    add("1.3.5", "--root-ca-file set", 1, AUTO, CONTROLLER_MANAGER, flagsSet(CONTROLLER_MANAGER, "--root-ca-file"));
    add("1.3.6", "RotateKubeletServerCertificate true", 2, AUTO, CONTROLLER_MANAGER,
        Rules.gateNotOff(CONTROLLER_MANAGER, "RotateKubeletServerCertificate"));
    add("1.3.7", "--bind-address 127.0.0.1", 1, AUTO, CONTROLLER_MANAGER, flag(CONTROLLER_MANAGER, "--bind-address", "127.0.0.1", "0.0.0.0"));
    add("1.4.1", "--profiling false", 1, AUTO, SCHEDULER, flag(SCHEDULER, "--profiling", "false", "true"));
    return add("1.4.2", "--bind-address 127.0.0.1", 1, AUTO, SCHEDULER, flag(SCHEDULER, "--bind-address", "127.0.0.1", "0.0.0.0"));
  }

  private CisCatalog etcd() {
    add("2.1", "--cert-file and --key-file set", 1, AUTO, ETCD, flagsSet(ETCD, "--cert-file", "--key-file"));
    add("2.2", "--client-cert-auth true", 1, AUTO, ETCD, flag(ETCD, "--client-cert-auth", "true", "false"));
    add("2.3", "--auto-tls not true", 1, AUTO, ETCD, flag(ETCD, "--auto-tls", "false", "false"));
    add("2.4", "--peer-cert-file and --peer-key-file set", 1, AUTO, ETCD, flagsSet(ETCD, "--peer-cert-file", "--peer-key-file"));
    add("2.5", "--peer-client-cert-auth true", 1, AUTO, ETCD, flag(ETCD, "--peer-client-cert-auth", "true", "false"));
    add("2.6", "--peer-auto-tls not true", 1, AUTO, ETCD, flag(ETCD, "--peer-auto-tls", "false", "false"));
    return add("2.7", "a unique Certificate Authority for etcd", 2, MANUAL, ETCD, Rules.uniqueEtcdCa());
  }

  /** Worker files (4.1.x), numbered alike in both editions; {@code n} is the edition's mode. */
  private CisCatalog workerFiles(int m, String n) {
    Where config = flagPath(KUBELET, "--config", HostReading.KUBELET_CONFIG);
    Where kubeconfig = flagPath(KUBELET, "--kubeconfig", HostPaths.kubeconfig("kubelet"));
    Where clientCa = e -> e.flags(KUBELET).getOrDefault("--client-ca-file",
        e.kubeletConfig("authentication.x509.clientCAFile").orElse(HostPaths.ssl("ca")));
    add("4.1.1", "kubelet service file permissions " + n + " or more restrictive", 1, AUTO, KUBELET, mode(unit(KUBELET), m));
    add("4.1.2", "kubelet service file ownership root:root", 1, AUTO, KUBELET, owner(unit(KUBELET), "root:root"));
    add("4.1.3", "kube-proxy kubeconfig permissions " + n + " or more restrictive", 1, m == 0600 ? MANUAL : AUTO, KUBE_PROXY,
        mode(kubeconfig("kube-proxy"), m));
    add("4.1.4", "kube-proxy kubeconfig ownership root:root", 1, m == 0600 ? MANUAL : AUTO, KUBE_PROXY, owner(kubeconfig("kube-proxy"), "root:root"));
    add("4.1.5", "kubelet --kubeconfig file permissions " + n + " or more restrictive", 1, AUTO, KUBELET, mode(kubeconfig, m));
    add("4.1.6", "kubelet --kubeconfig file ownership root:root", 1, AUTO, KUBELET, owner(kubeconfig, "root:root"));
    add("4.1.7", "certificate authorities file permissions 644 or more restrictive", 1, m == 0600 ? MANUAL : AUTO, KUBELET, mode(clientCa, 0644));
    add("4.1.8", "client certificate authorities file ownership root:root", 1, m == 0600 ? MANUAL : AUTO, KUBELET, owner(clientCa, "root:root"));
    if (m == 0600) { // the 1.14 line has no kubelet config file
      add("4.1.9", "kubelet config.yaml permissions 600 or more restrictive", 1, AUTO, KUBELET, mode(config, m));
      add("4.1.10", "kubelet config.yaml ownership root:root", 1, AUTO, KUBELET, owner(config, "root:root"));
    }
    return this;
  }

  /** Kubelet items alike in both editions (4.2.1-4.2.3). */
  private CisCatalog kubeletAuth() {
    add("4.2.1", "--anonymous-auth false", 1, AUTO, KUBELET, kubelet("--anonymous-auth", "authentication.anonymous.enabled", null, is("false")));
    add("4.2.2", "--authorization-mode not AlwaysAllow", 1, AUTO, KUBELET,
        kubelet("--authorization-mode", "authorization.mode", "AlwaysAllow", isNot("AlwaysAllow")));
    return add("4.2.3", "--client-ca-file set", 1, AUTO, KUBELET, kubelet("--client-ca-file", "authentication.x509.clientCAFile", null, given()));
  }

  /** API server items alike in both editions, from {@code first} on: authentication to the kubelets, etcd, TLS. */
  private CisCatalog apiserverCredentials(String kubeletClient, String kubeletCa, String saKey, String etcdClient, String tls, String ca, String etcdCa) {
    add(kubeletClient, "--kubelet-client-certificate and --kubelet-client-key set", 1, AUTO, APISERVER,
        flagsSet(APISERVER, "--kubelet-client-certificate", "--kubelet-client-key"));
    add(kubeletCa, "--kubelet-certificate-authority set", 1, AUTO, APISERVER, flagsSet(APISERVER, "--kubelet-certificate-authority"));
    add(saKey, "--service-account-key-file set", 1, AUTO, APISERVER, flagsSet(APISERVER, "--service-account-key-file"));
    add(etcdClient, "--etcd-certfile and --etcd-keyfile set", 1, AUTO, APISERVER, flagsSet(APISERVER, "--etcd-certfile", "--etcd-keyfile"));
    add(tls, "--tls-cert-file and --tls-private-key-file set", 1, AUTO, APISERVER, flagsSet(APISERVER, "--tls-cert-file", "--tls-private-key-file"));
    add(ca, "--client-ca-file set", 1, AUTO, APISERVER, flagsSet(APISERVER, "--client-ca-file"));
    return add(etcdCa, "--etcd-cafile set", 1, AUTO, APISERVER, flagsSet(APISERVER, "--etcd-cafile"));
  }

  private CisCatalog apiserverAuthorization(String notAlwaysAllow, String node, String rbac) {
    add(notAlwaysAllow, "--authorization-mode not AlwaysAllow", 1, AUTO, APISERVER,
        listHas(APISERVER, "--authorization-mode", "AlwaysAllow", false, "AlwaysAllow"));
    add(node, "--authorization-mode includes Node", 1, AUTO, APISERVER, listHas(APISERVER, "--authorization-mode", "Node", true, "AlwaysAllow"));
    return add(rbac, "--authorization-mode includes RBAC", 1, AUTO, APISERVER, listHas(APISERVER, "--authorization-mode", "RBAC", true, "AlwaysAllow"));
  }

  private CisCatalog apiserverAudit(String path, String age, String backup, String size) {
    add(path, "--audit-log-path set", 1, AUTO, APISERVER, flagsSet(APISERVER, "--audit-log-path"));
    add(age, "--audit-log-maxage 30 or as appropriate", 1, AUTO, APISERVER, flagAtLeast(APISERVER, "--audit-log-maxage", 30));
    add(backup, "--audit-log-maxbackup 10 or as appropriate", 1, AUTO, APISERVER, flagAtLeast(APISERVER, "--audit-log-maxbackup", 10));
    return add(size, "--audit-log-maxsize 100 or as appropriate", 1, AUTO, APISERVER, flagAtLeast(APISERVER, "--audit-log-maxsize", 100));
  }

  private Rule plugin(String name, boolean present) {
    return listHas(APISERVER, "--enable-admission-plugins", name, present, "");
  }

  /** CIS Kubernetes Benchmark v1.11 (Kubernetes 1.29-1.31; v1.12 for 1.32-1.34 keeps these numbers). */
  static CisCatalog v111() {
    CisCatalog c = new CisCatalog("CIS Kubernetes Benchmark v1.11").controlPlaneFiles(0600, 0600, "600");
    c.add("1.2.1", "--anonymous-auth false", 1, MANUAL, APISERVER, flag(APISERVER, "--anonymous-auth", "false", "true"));
    c.add("1.2.2", "--token-auth-file not set", 1, AUTO, APISERVER, flagAbsent(APISERVER, "--token-auth-file"));
    c.add("1.2.3", "DenyServiceExternalIPs set", 1, MANUAL, APISERVER, c.plugin("DenyServiceExternalIPs", true));
    c.apiserverAuthorization("1.2.6", "1.2.7", "1.2.8");
    c.add("1.2.9", "admission plugin EventRateLimit set", 2, MANUAL, APISERVER, c.plugin("EventRateLimit", true));
    c.add("1.2.10", "admission plugin AlwaysAdmit not set", 1, AUTO, APISERVER, c.plugin("AlwaysAdmit", false));
    c.add("1.2.11", "admission plugin AlwaysPullImages set", 1, MANUAL, APISERVER, c.plugin("AlwaysPullImages", true));
    c.add("1.2.12", "admission plugin ServiceAccount set", 1, AUTO, APISERVER, Rules.pluginNotDisabled("ServiceAccount"));
    c.add("1.2.13", "admission plugin NamespaceLifecycle set", 1, AUTO, APISERVER, Rules.pluginNotDisabled("NamespaceLifecycle"));
    c.add("1.2.14", "admission plugin NodeRestriction set", 1, AUTO, APISERVER, c.plugin("NodeRestriction", true));
    c.add("1.2.15", "--profiling false", 1, AUTO, APISERVER, flag(APISERVER, "--profiling", "false", "true"));
    c.apiserverAudit("1.2.16", "1.2.17", "1.2.18", "1.2.19");
    c.add("1.2.20", "--request-timeout as appropriate", 1, MANUAL, APISERVER, Rules.show(APISERVER, "--request-timeout", "60s"));
    c.add("1.2.21", "--service-account-lookup true", 1, AUTO, APISERVER, flag(APISERVER, "--service-account-lookup", "true", "true"));
    c.apiserverCredentials("1.2.4", "1.2.5", "1.2.22", "1.2.23", "1.2.24", "1.2.25", "1.2.26");
    c.add("1.2.27", "--encryption-provider-config set", 1, MANUAL, APISERVER, flagsSet(APISERVER, "--encryption-provider-config"));
    c.add("1.2.28", "encryption providers appropriately configured", 1, MANUAL, APISERVER, Rules.encryptionProviders());
    c.add("1.2.29", "API server only strong cryptographic ciphers", 1, MANUAL, APISERVER, Rules.strongCiphers(APISERVER, "--tls-cipher-suites"));
    c.add("1.2.30", "--service-account-extend-token-expiration false", 1, AUTO, APISERVER,
        flag(APISERVER, "--service-account-extend-token-expiration", "false", "true"));
    c.controllerManagerAndScheduler().etcd().workerFiles(0600, "600").kubeletAuth();
    c.add("4.2.4", "--read-only-port 0 if defined", 1, MANUAL, KUBELET, kubelet("--read-only-port", "readOnlyPort", "0", is("0")));
    c.add("4.2.5", "--streaming-connection-idle-timeout not 0", 1, MANUAL, KUBELET,
        kubelet("--streaming-connection-idle-timeout", "streamingConnectionIdleTimeout", "4h0m0s", v -> !v.matches("0[smh]?")));
    c.add("4.2.6", "--make-iptables-util-chains true", 1, AUTO, KUBELET,
        kubelet("--make-iptables-util-chains", "makeIPTablesUtilChains", "true", is("true")));
    c.add("4.2.7", "--hostname-override not set", 1, MANUAL, KUBELET, flagAbsent(KUBELET, "--hostname-override"));
    c.add("4.2.8", "eventRecordQPS appropriate", 1, MANUAL, KUBELET,
        e -> Verdict.judge("eventRecordQPS " + e.kubeletConfig("eventRecordQPS").orElse("not set (default 50)")));
    c.add("4.2.9", "--tls-cert-file and --tls-private-key-file set", 1, MANUAL, KUBELET, 
        Rules.both(kubelet("--tls-cert-file", "tlsCertFile", null, given()), kubelet("--tls-private-key-file", "tlsPrivateKeyFile", null, given())));
    c.add("4.2.10", "--rotate-certificates not false", 1, AUTO, KUBELET, kubelet("--rotate-certificates", "rotateCertificates", Rules.UNSET, isNot("false")));
    c.add("4.2.11", "RotateKubeletServerCertificate true", 1, MANUAL, KUBELET,
        kubelet("--rotate-server-certificates", "serverTLSBootstrap", "false", is("true")));
    c.add("4.2.12", "kubelet only strong cryptographic ciphers", 1, MANUAL, KUBELET, kubelet("--tls-cipher-suites", "tlsCipherSuites", null, Rules.strongSuites()));
    c.add("4.2.13", "a limit on pod PIDs", 1, MANUAL, KUBELET, kubelet("--pod-max-pids", "podPidsLimit", null, v -> !v.equals("-1")));
    c.add("4.2.14", "--seccomp-default true", 1, MANUAL, KUBELET, kubelet("--seccomp-default", "seccompDefault", "false", is("true")));
    return c.add("4.2.15", "IPAddressDeny set to any", 1, MANUAL, KUBELET,
        e -> Verdict.judge(e.content(HostReading.unitPath(KUBELET)).filter(u -> u.contains("IPAddressDeny=any")).isPresent()
            ? "IPAddressDeny=any in the unit" : "no IPAddressDeny in the kubelet unit"));
  }

  /** CIS Kubernetes Benchmark v1.5.1 (written for 1.15; applied to the 1.14 line). */
  static CisCatalog v151() {
    CisCatalog c = new CisCatalog("CIS Kubernetes Benchmark v1.5.1").controlPlaneFiles(0644, 0644, "644");
    c.add("1.2.1", "--anonymous-auth false", 1, MANUAL, APISERVER, flag(APISERVER, "--anonymous-auth", "false", "true"));
    c.add("1.2.2", "--basic-auth-file not set", 1, AUTO, APISERVER, flagAbsent(APISERVER, "--basic-auth-file"));
    c.add("1.2.3", "--token-auth-file not set", 1, AUTO, APISERVER, flagAbsent(APISERVER, "--token-auth-file"));
    c.add("1.2.4", "--kubelet-https true", 1, AUTO, APISERVER, flag(APISERVER, "--kubelet-https", "true", "true"));
    c.apiserverAuthorization("1.2.7", "1.2.8", "1.2.9");
    c.add("1.2.10", "admission plugin EventRateLimit set", 2, MANUAL, APISERVER, c.plugin("EventRateLimit", true));
    c.add("1.2.11", "admission plugin AlwaysAdmit not set", 1, AUTO, APISERVER, c.plugin("AlwaysAdmit", false));
    c.add("1.2.12", "admission plugin AlwaysPullImages set", 1, MANUAL, APISERVER, c.plugin("AlwaysPullImages", true));
    c.add("1.2.13", "SecurityContextDeny set if PodSecurityPolicy is not used", 1, MANUAL, APISERVER,
        e -> Rules.listHas(APISERVER, "--enable-admission-plugins", "PodSecurityPolicy", true, "").judge(e).outcome() == Outcome.PASS
            ? Verdict.pass("PodSecurityPolicy is used") : c.plugin("SecurityContextDeny", true).judge(e));
    c.add("1.2.14", "admission plugin ServiceAccount set", 1, AUTO, APISERVER, Rules.pluginNotDisabled("ServiceAccount"));
    c.add("1.2.15", "admission plugin NamespaceLifecycle set", 1, AUTO, APISERVER, Rules.pluginNotDisabled("NamespaceLifecycle"));
    c.add("1.2.16", "admission plugin PodSecurityPolicy set", 1, AUTO, APISERVER, c.plugin("PodSecurityPolicy", true));
    c.add("1.2.17", "admission plugin NodeRestriction set", 1, AUTO, APISERVER, c.plugin("NodeRestriction", true));
    c.add("1.2.18", "--insecure-bind-address not set", 1, AUTO, APISERVER, flagAbsent(APISERVER, "--insecure-bind-address"));
    c.add("1.2.19", "--insecure-port 0", 1, AUTO, APISERVER, flag(APISERVER, "--insecure-port", "0", "8080"));
    c.add("1.2.20", "--secure-port not 0", 1, AUTO, APISERVER, e -> Rules.flag(APISERVER, "--secure-port", "0", "6443").judge(e).outcome() == Outcome.PASS
        ? Verdict.fail("--secure-port=0") : Verdict.pass("--secure-port=" + e.flags(APISERVER).getOrDefault("--secure-port", "6443")));
    c.add("1.2.21", "--profiling false", 1, AUTO, APISERVER, flag(APISERVER, "--profiling", "false", "true"));
    c.apiserverAudit("1.2.22", "1.2.23", "1.2.24", "1.2.25");
    c.add("1.2.26", "--request-timeout as appropriate", 1, MANUAL, APISERVER, Rules.show(APISERVER, "--request-timeout", "60s"));
    c.add("1.2.27", "--service-account-lookup true", 1, AUTO, APISERVER, flag(APISERVER, "--service-account-lookup", "true", "true"));
    c.apiserverCredentials("1.2.5", "1.2.6", "1.2.28", "1.2.29", "1.2.30", "1.2.31", "1.2.32");
    c.add("1.2.33", "--encryption-provider-config set", 1, MANUAL, APISERVER, flagsSet(APISERVER, "--encryption-provider-config"));
    c.add("1.2.34", "encryption providers appropriately configured", 1, MANUAL, APISERVER, Rules.encryptionProviders());
    c.add("1.2.35", "API server only strong cryptographic ciphers", 1, MANUAL, APISERVER, Rules.strongCiphers(APISERVER, "--tls-cipher-suites"));
    c.controllerManagerAndScheduler().etcd().workerFiles(0644, "644").kubeletAuth();
    c.add("4.2.4", "--read-only-port 0", 1, AUTO, KUBELET, kubelet("--read-only-port", null, "10255", is("0")));
    c.add("4.2.5", "--streaming-connection-idle-timeout not 0", 1, AUTO, KUBELET,
        kubelet("--streaming-connection-idle-timeout", null, "4h0m0s", v -> !v.matches("0[smh]?")));
    c.add("4.2.6", "--protect-kernel-defaults true", 1, AUTO, KUBELET, kubelet("--protect-kernel-defaults", null, "false", is("true")));
    c.add("4.2.7", "--make-iptables-util-chains true", 1, AUTO, KUBELET, kubelet("--make-iptables-util-chains", null, "true", is("true")));
    c.add("4.2.8", "--hostname-override not set", 1, MANUAL, KUBELET, flagAbsent(KUBELET, "--hostname-override"));
    c.add("4.2.9", "--event-qps 0 or appropriate", 2, MANUAL, KUBELET, Rules.show(KUBELET, "--event-qps", "5"));
    c.add("4.2.10", "--tls-cert-file and --tls-private-key-file set", 1, AUTO, KUBELET, flagsSet(KUBELET, "--tls-cert-file", "--tls-private-key-file"));
    c.add("4.2.11", "--rotate-certificates not false", 1, AUTO, KUBELET, kubelet("--rotate-certificates", null, Rules.UNSET, isNot("false")));
    c.add("4.2.12", "RotateKubeletServerCertificate true", 1, AUTO, KUBELET, Rules.gateNotOff(KUBELET, "RotateKubeletServerCertificate"));
    return c.add("4.2.13", "kubelet only strong cryptographic ciphers", 1, MANUAL, KUBELET, Rules.strongCiphers(KUBELET, "--tls-cipher-suites"));
  }
}

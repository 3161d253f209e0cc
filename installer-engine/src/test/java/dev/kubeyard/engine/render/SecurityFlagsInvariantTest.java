package dev.kubeyard.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.model.spec.ClusterSpec;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The security flags asserted directly on what is rendered, per line, OS and role: a golden file can be
 * regenerated with a regression in it (the Windows 1.14 kubelet's read-only port 10255 once was), these
 * assertions cannot.
 */
class SecurityFlagsInvariantTest {
  /** Written out here, not taken from {@link TlsPolicy}: a weaker policy must fail this test. */
  private static final String STRONG_SUITES_FLAG = "--tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,"
      + "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";
  private static final String STRONG_SUITES_YAML = "tlsCipherSuites:\n  - TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256\n"
      + "  - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n  - TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384\n"
      + "  - TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\n";

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void everyApiserverRefusesAnonymousRequestsAuthorisesByNodeAndRbacAndHasNoInsecurePort(String line) {
    List<RenderedFile> apiservers = files(line, "/etc/systemd/system/kube-apiserver.service");
    assertThat(apiservers).hasSize(3).allSatisfy(f -> assertThat(f.content())
        .contains("--anonymous-auth=false", "--authorization-mode=Node,RBAC", "--profiling=false",
            "--tls-min-version=VersionTLS12", STRONG_SUITES_FLAG)
        .doesNotContain("--basic-auth-file", "--token-auth-file", "--insecure-bind-address", "AlwaysAllow"));
    assertThat(apiservers).allSatisfy(f -> assertThat(flagValue(f, "--enable-admission-plugins").split(","))
        .as("admission plugins").contains("NodeRestriction").doesNotContain("AlwaysAdmit"));
    if (line.equals("1.14")) {
      assertThat(apiservers).allSatisfy(f -> assertThat(f.content()).contains("--insecure-port=0"));
    }
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void controllerManagerAndSchedulerListenOnLoopbackOnlyWithoutProfiling(String line) {
    for (String unit : List.of("kube-controller-manager", "kube-scheduler")) {
      assertThat(files(line, "/etc/systemd/system/" + unit + ".service")).isNotEmpty().allSatisfy(f -> {
        assertThat(f.content()).contains("--bind-address=127.0.0.1", "--profiling=false");
        if (line.equals("1.14")) {
          assertThat(f.content()).as(unit + " on 1.14 serves no insecure port").contains("--port=0");
        }
      });
    }
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void everyLinuxKubeletRefusesAnonymousRequestsAndServesNoReadOnlyPort(String line) {
    List<RenderedFile> kubelets = line.equals("1.14") ? files(line, "/etc/systemd/system/kubelet.service")
        : files(line, "/var/lib/kubelet/config.yaml");
    assertThat(kubelets).hasSizeGreaterThanOrEqualTo(4).allSatisfy(f -> {
      if (line.equals("1.14")) {
        assertThat(f.content()).contains("--anonymous-auth=false", "--authorization-mode=Webhook",
            "--read-only-port=0", "--client-ca-file=", "--tls-min-version=VersionTLS12", STRONG_SUITES_FLAG);
      } else {
        assertThat(f.content()).contains("anonymous:\n    enabled: false", "mode: Webhook", "readOnlyPort: 0",
            "clientCAFile: ", "tlsMinVersion: VersionTLS12", STRONG_SUITES_YAML);
      }
    });
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void everyWindowsKubeletRefusesAnonymousRequestsAndServesNoReadOnlyPort(String line) {
    if (line.equals("1.14")) {
      List<RenderedFile> scripts = files(line, "/C/k/install-node.ps1");
      assertThat(scripts).isNotEmpty().allSatisfy(f -> {
        String kubelet = f.content().lines().filter(l -> l.contains("'kubelet.exe'")).findFirst().orElseThrow();
        assertThat(kubelet).contains("--anonymous-auth=false", "--authorization-mode=Webhook", "--read-only-port=0",
            "--client-ca-file=", "--tls-min-version=VersionTLS12", STRONG_SUITES_FLAG);
      });
    } else {
      assertThat(files(line, "/C/k/kubelet-config.yaml")).isNotEmpty().allSatisfy(f -> assertThat(f.content())
          .contains("anonymous:\n    enabled: false", "mode: Webhook", "readOnlyPort: 0", "tlsMinVersion: VersionTLS12",
              STRONG_SUITES_YAML));
    }
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void everyEtcdMemberAcceptsOnlyTheStrongSuitesAndAuthenticatesClientsAndPeers(String line) {
    assertThat(files(line, "/etc/systemd/system/etcd.service")).hasSize(3).allSatisfy(f -> assertThat(f.content())
        .contains("--client-cert-auth=true", "--peer-client-cert-auth=true", "--cipher-suites=" + STRONG_SUITES_FLAG
            .substring(STRONG_SUITES_FLAG.indexOf('=') + 1))
        .doesNotContain("http://"));
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void everyApiserverEncryptsSecretsAuditsLooksUpServiceAccountsAndVerifiesKubelets(String line) {
    assertThat(files(line, "/etc/systemd/system/kube-apiserver.service")).hasSize(3).allSatisfy(f -> assertThat(f.content())
        .contains("--encryption-provider-config=/etc/kubernetes/encryption-config.yaml",
            "--audit-policy-file=/etc/kubernetes/audit-policy.yaml", "--audit-log-path=/var/log/kubernetes/audit.log",
            "--audit-log-maxage=30", "--audit-log-maxbackup=10", "--audit-log-maxsize=100",
            "--service-account-lookup=true", "--kubelet-certificate-authority=/etc/kubernetes/ssl/ca.pem",
            "--kubelet-client-certificate=/etc/kubernetes/ssl/apiserver-kubelet-client.pem",
            "--client-ca-file=/etc/kubernetes/ssl/ca.pem", "--requestheader-client-ca-file=/etc/kubernetes/ssl/front-proxy-ca.pem"));
    // secretbox writes; identity, after it, only reads what was stored before encryption was on
    assertThat(files(line, "/etc/kubernetes/encryption-config.yaml")).hasSize(3).allSatisfy(f ->
        assertThat(f.content().indexOf("- secretbox:")).isNotNegative().isLessThan(f.content().indexOf("- identity: {}")));
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void metricsServerVerifiesEveryKubeletAndTheApiserviceIsNotInTheUnverifiedManifest(String line) {
    assertThat(files(line, "/etc/kubernetes/addons/metrics-server.yaml")).hasSize(1).allSatisfy(f -> assertThat(f.content())
        .contains("--kubelet-certificate-authority=", "--tls-cert-file=", "--tls-private-key-file=")
        .doesNotContain("--kubelet-insecure-tls", "insecureSkipTLSVerify", "kind: APIService"));
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void everyKubernetesFileOnEveryHostIsReadableByRootOnly(String line) {
    ClusterSpec spec = line.equals("1.14") ? Specs.legacy() : Specs.current();
    List<RenderedFile> kubernetesFiles = ClusterRenderer.render(Specs.context(spec)).stream()
        .filter(f -> f.path().startsWith("/"))
        .filter(f -> !f.path().startsWith("/etc/sysctl.d/") && !f.path().startsWith("/etc/security/")
            && !f.path().startsWith("/etc/modules-load.d/"))
        .toList();
    // CIS 1.1.1-1.1.9, 1.1.13-1.1.17, 4.1.1, 4.1.3, 4.1.5, 4.1.9: units, kubeconfigs, configs at 600 or tighter
    assertThat(kubernetesFiles).hasSizeGreaterThan(50).allSatisfy(f ->
        assertThat(f.mode() & 0077).as(f.host() + ":" + f.path() + " mode " + f.modeOctal()).isZero());
    assertThat(kubernetesFiles).anySatisfy(f -> assertThat(f.path()).isEqualTo("/etc/systemd/system/kubelet.service"));
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void keepalivedSendsVrrpToItsPeerOnlyAndDropsAdvertsFromAnyOtherSource(String line) {
    assertThat(files(line, "/etc/keepalived/keepalived.conf")).hasSize(2).allSatisfy(f -> {
      String self = f.host().equals("lb1") ? "192.168.1.11" : "192.168.1.12";
      String peer = f.host().equals("lb1") ? "192.168.1.12" : "192.168.1.11";
      assertThat(f.content()).contains("unicast_src_ip " + self, "check_unicast_src", "unicast_fault_no_peer")
          .containsPattern("unicast_peer \\{\\s+" + peer.replace(".", "\\.") + "\\s+}");
    });
  }

  private static String flagValue(RenderedFile f, String flag) {
    int at = f.content().indexOf(flag + "=");
    assertThat(at).as(flag + " in " + f.path()).isNotNegative();
    return f.content().substring(at + flag.length() + 1).split("[\\s\\\\]", 2)[0];
  }

  private static List<RenderedFile> files(String line, String folders) {
    ClusterSpec spec = line.equals("1.14") ? Specs.legacy() : Specs.current();
    return ClusterRenderer.render(Specs.context(spec)).stream().filter(f -> f.pathAsFolders().equals(folders)).toList();
  }
}

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
    assertThat(apiservers).hasSize(2).allSatisfy(f -> assertThat(f.content())
        .contains("--anonymous-auth=false", "--authorization-mode=Node,RBAC", "--profiling=false",
            "--tls-min-version=VersionTLS12", STRONG_SUITES_FLAG, "--enable-admission-plugins=NodeRestriction")
        .doesNotContain("--basic-auth-file", "--token-auth-file", "--insecure-bind-address", "AlwaysAllow"));
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

  private static List<RenderedFile> files(String line, String folders) {
    ClusterSpec spec = line.equals("1.14") ? Specs.legacy() : Specs.current();
    return ClusterRenderer.render(Specs.context(spec)).stream().filter(f -> f.pathAsFolders().equals(folders)).toList();
  }
}

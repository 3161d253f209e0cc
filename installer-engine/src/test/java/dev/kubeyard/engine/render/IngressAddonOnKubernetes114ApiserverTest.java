package dev.kubeyard.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.bundle.BundleApiserver;
import dev.kubeyard.engine.pki.PkiMaterial;
import dev.kubeyard.engine.pki.PkiNames;
import dev.kubeyard.engine.testing.Golden;
import dev.kubeyard.engine.testing.Kubernetes114Binaries;
import dev.kubeyard.engine.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 1.14 line's ingress addon against a real kube-apiserver 1.14.10 (tools/k8s-builder-1.14), which
 * serves only apiextensions.k8s.io/v1beta1: Traefik 2.11's CRDs are accepted and established, then the
 * controller's objects (the default TLSStore among them), its TLS Secret and the SQL Server deployer's
 * IngressRouteTCP are stored, in the order apply-addons uses. The current line's bundle does not carry
 * 1.14, so its binaries come from -Dkubeyard.k114.bin=DIR or the 1.14 builder's cache folder; etcd from
 * -Dkubeyard.etcd=FILE or the built bundle.
 */
@Tag(BundleApiserver.TAG)
class IngressAddonOnKubernetes114ApiserverTest {
  /** The same cluster as the current line's test, at 1.14.10 (the lab is a namespace of its own). */
  private static final String SPEC = IngressAddonApiserverTest.spec("1.14.10");
  /** What the SQL Server deployer creates on 1.14 (its golden file, kept by PythonServiceManifestsGoldenTest). */
  private static final Path TCP_ROUTE = Golden.root().resolve("apps/python-service/1.14/sqlserver-ingressroutetcp.yaml");

  @TempDir
  static Path tmp;

  static Path kubernetes114() {
    return Kubernetes114Binaries.folder();
  }

  private static Path command(String name) {
    return Kubernetes114Binaries.command(name);
  }

  @Test
  void theApiserverStoresTraefik211sCrdsTheControllerTheTlsStoreAndTheSqlServerTcpRoute() throws Exception {
    // Skipped in the method, not in @BeforeAll: a class-level skip leaves no test case in the report.
    Assumptions.assumeTrue(Files.isExecutable(kubernetes114().resolve("kube-apiserver")),
        "no Kubernetes 1.14.10 binaries in " + kubernetes114() + ": tools/k8s-builder-1.14/build.sh builds them"
            + " (not part of the bundle build or CI yet)");
    try (BundleApiserver api = BundleApiserver.start(tmp, "i114", IngressAddonApiserverTest.ADDRESS, SPEC,
        IngressAddonOnKubernetes114ApiserverTest::command)) {
      storesTheAddon(api);
    }
  }

  private static void storesTheAddon(BundleApiserver api) throws Exception {
    assertThat(api.kubectlOk("version", "--short").output()).contains("Server Version: v1.14.10");
    RenderContext ctx = new RenderContext(api.facts(), Specs.TEST_SECRETS);
    Path dir = Files.createDirectories(tmp.resolve("addons"));
    for (Map.Entry<String, String> e : IngressControllerFiles.manifests(ctx).entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue());
    }
    PkiMaterial pki = PkiMaterial.load(api.pki());
    Files.writeString(dir.resolve("ingress-tls.yaml"), IngressControllerFiles.tlsSecret(api.facts(),
        pki.certificate(PkiNames.INGRESS), pki.privateKey(PkiNames.INGRESS)).content());
    String crds = dir.resolve(IngressControllerFiles.CRDS).toString();

    api.kubectlOk("apply", "-f", crds);
    api.kubectlOk("wait", "--for", "condition=established", "--timeout=60s", "-f", crds);
    api.kubectlOk("apply", "-f", dir.toString());
    api.kubectlOk("create", "namespace", "mssql");
    api.kubectlOk("apply", "-f", TCP_ROUTE.toString());

    assertThat(api.kubectlOk("get", "crd", "-o", "jsonpath={range .items[*]}{.apiVersion} {.metadata.name}{\"\\n\"}{end}")
        .output().lines().toList()).hasSize(18).allMatch(l -> l.startsWith("apiextensions.k8s.io/v1beta1 "))
        .contains("apiextensions.k8s.io/v1beta1 ingressroutetcps.traefik.io",
            "apiextensions.k8s.io/v1beta1 ingressroutetcps.traefik.containo.us",
            "apiextensions.k8s.io/v1beta1 tlsstores.traefik.io", "apiextensions.k8s.io/v1beta1 tlsoptions.traefik.io",
            "apiextensions.k8s.io/v1beta1 middlewares.traefik.io");
    assertThat(api.kubectlOk("get", "tlsstores.traefik.io", "default", "-n", "kubeyard-ingress", "-o",
        "jsonpath={.spec.defaultCertificate.secretName}").output()).isEqualTo("kubeyard-ingress-tls");
    assertThat(api.kubectlOk("get", "ingressroutetcps.traefik.containo.us", "sqlserver-tds", "-n", "mssql", "-o",
        "jsonpath={.spec.entryPoints[0]} {.spec.routes[0].match} {.spec.routes[0].services[0].name}").output())
        .isEqualTo("sqlserver HostSNI(`*`) ag1-primary");
    assertThat(api.kubectlOk("get", "service", "traefik", "-n", "kubeyard-ingress", "-o",
        "jsonpath={.spec.ports[*].nodePort}").output()).isEqualTo("23456 23457 23458");
    assertThat(api.kubectlOk("get", "deployment", "traefik", "-n", "kubeyard-ingress", "-o",
        "jsonpath={.spec.template.spec.containers[0].image}").output()).isEqualTo(AddonImages.defaults(
            api.facts().version()).traefik());
    assertThat(api.kubectlOk("get", "secret", "kubeyard-ingress-tls", "-n", "kubeyard-ingress", "-o", "jsonpath={.type}")
        .output()).isEqualTo("kubernetes.io/tls");
    assertThat(api.kubectlOk("get", "pdb", "traefik", "-n", "kubeyard-ingress", "-o", "jsonpath={.apiVersion}").output())
        .isEqualTo("policy/v1beta1");
    assertThat(api.kubectlOk("get", "clusterrole", "kubeyard:ingress-controller", "-o", "jsonpath={.rules[*].apiGroups}")
        .output()).contains("traefik.containo.us");
    // The install re-runs the whole folder: nothing is refused the second time.
    api.kubectlOk("apply", "-f", crds);
    api.kubectlOk("apply", "-f", dir.toString());
  }
}

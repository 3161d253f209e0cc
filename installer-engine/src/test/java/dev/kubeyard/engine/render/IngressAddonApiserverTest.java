package dev.kubeyard.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.bundle.BundleApiserver;
import dev.kubeyard.engine.pki.PkiMaterial;
import dev.kubeyard.engine.pki.PkiNames;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.engine.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered ingress addon against the bundle's real kube-apiserver (1.35): Traefik's CRDs are accepted
 * and established, then every object of the controller (TLSStore against its CRD's schema, IngressClass,
 * PDB policy/v1, the NodePorts inside the range) and the TLS Secret are stored, in the order apply-addons
 * uses. No kubelet runs, so the pods are not started.
 */
@Tag(BundleApiserver.TAG)
class IngressAddonApiserverTest {
  private static final String ADDRESS = "10.213.83.11";
  private static final String SPEC = """
      apiVersion: kubeyard.dev/v1alpha1
      kind: Cluster
      metadata: {name: ingresstest}
      kubernetes: {version: 1.35.8}
      hosts:
        - {name: m1, address: %s, roles: [etcd, master]}
        - {name: n1, address: 10.213.83.12, roles: [node]}
        - {name: n2, address: 10.213.83.13, roles: [node]}
      apps:
        sqlserver:
          exposeTcpPort: 1433
        pythonService:
          host: gateway.lab.test
      """.formatted(ADDRESS);

  @TempDir
  static Path tmp;
  private static BundleApiserver api;

  @BeforeAll
  static void startApiserver() throws Exception {
    api = BundleApiserver.start(tmp, "ing", ADDRESS, SPEC);
  }

  @AfterAll
  static void stopApiserver() throws Exception {
    if (api != null) {
      api.close();
    }
  }

  private static Proc.Result ok(String... args) {
    Proc.Result r = api.kubectl(args);
    assertThat(r.exit()).as("kubectl %s:%n%s", String.join(" ", args), r.output()).isZero();
    return r;
  }

  @Test
  void theApiserverAcceptsTheCrdsTheControllerAndItsCertificateInTheOrderTheInstallApplies() throws Exception {
    RenderContext ctx = new RenderContext(api.facts(), Specs.TEST_SECRETS);
    Path dir = Files.createDirectories(tmp.resolve("addons"));
    for (Map.Entry<String, String> e : IngressControllerFiles.manifests(ctx).entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue());
    }
    PkiMaterial pki = PkiMaterial.load(api.pki());
    RenderedFile secret = IngressControllerFiles.tlsSecret(api.facts(), pki.certificate(PkiNames.INGRESS),
        pki.privateKey(PkiNames.INGRESS));
    Files.writeString(dir.resolve("ingress-tls.yaml"), secret.content());
    String crds = dir.resolve(IngressControllerFiles.CRDS).toString();

    ok("apply", "-f", crds);
    ok("wait", "--for", "condition=established", "--timeout=60s", "-f", crds);
    ok("apply", "-f", dir.toString());

    assertThat(ok("get", "tlsstore", "default", "-n", "kubeyard-ingress", "-o",
        "jsonpath={.spec.defaultCertificate.secretName}").output()).contains("kubeyard-ingress-tls");
    assertThat(ok("get", "service", "traefik", "-n", "kubeyard-ingress", "-o",
        "jsonpath={.spec.ports[*].nodePort}").output()).contains("23456 23457 23458");
    assertThat(ok("get", "secret", "kubeyard-ingress-tls", "-n", "kubeyard-ingress", "-o",
        "jsonpath={.type}").output()).contains("kubernetes.io/tls");
    assertThat(ok("get", "ingressclass", "traefik", "-o", "jsonpath={.spec.controller}").output())
        .contains("traefik.io/ingress-controller");
    assertThat(ok("get", "pdb", "traefik", "-n", "kubeyard-ingress", "-o", "jsonpath={.spec.minAvailable}").output())
        .contains("1");
    assertThat(ok("get", "crd", "-o", "name").output()).contains("ingressroutetcps.traefik.io", "tlsstores.traefik.io");
    // A second apply of the whole folder changes nothing (the install re-runs it). kubectl always sends the
    // PDB's selector (its patch strategy is "replace") and so says "configured", but the object stays as it was.
    assertThat(ok("apply", "-f", dir.toString()).output().lines().filter(l -> !l.endsWith(" unchanged")))
        .containsExactly("poddisruptionbudget.policy/traefik configured");
    assertThat(ok("get", "pdb", "traefik", "-n", "kubeyard-ingress", "-o", "jsonpath={.metadata.generation}").output())
        .isEqualTo("1");
  }
}

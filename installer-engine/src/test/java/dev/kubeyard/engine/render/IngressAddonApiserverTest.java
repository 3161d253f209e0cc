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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered ingress addon against the bundle's real kube-apiserver (1.35): Traefik's CRDs are accepted
 * and established, then every object of the controller (TLSStore against its CRD's schema, IngressClass,
 * PDB policy/v1, the NodePorts inside the range) and the TLS Secret are stored, in the order apply-addons
 * uses. No kubelet runs, so the pods are not started; the second test runs the built Traefik binary itself
 * in the namespace with the rendered flags and its service account's token, as its pod would.
 */
@Tag(BundleApiserver.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngressAddonApiserverTest {
  static final String ADDRESS = "10.213.83.11";
  private static final String SPEC = spec("1.35.8");

  /** The ingress test cluster at {@code version}: one master, two workers, SQL Server's TCP port and an app host. */
  static String spec(String version) {
    return """
        apiVersion: kubeyard.dev/v1alpha1
        kind: Cluster
        metadata: {name: ingresstest}
        kubernetes: {version: %s}
        hosts:
          - {name: m1, address: %s, roles: [etcd, master]}
          - {name: n1, address: 10.213.83.12, roles: [node]}
          - {name: n2, address: 10.213.83.13, roles: [node]}
        apps:
          sqlserver:
            edition: Developer
            image: mcr.microsoft.com/mssql/server:2022-latest
            acceptEula: true
            exposeTcpPort: 1433
          pythonService:
            host: gateway.lab.test
        """.formatted(version, ADDRESS);
  }

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
    return api.kubectlOk(args);
  }

  @Test
  @Order(1)
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

  /**
   * The Traefik binary the bundle's image holds: -Dkubeyard.traefik=PATH, else {@code /traefik} out of the
   * built bundle's traefik image (a docker-archive tar).
   */
  private static Path traefikBinary() {
    String given = System.getProperty("kubeyard.traefik");
    if (given != null) {
      return Path.of(given);
    }
    Path out = tmp.resolve("traefik-image");
    Proc.Result r = Proc.run(null, "sh", "-c", "mkdir -p " + out + " && cd " + out + " && tar -xf "
        + dev.kubeyard.engine.bundle.BuiltBundle.image("traefik") + " && for l in $(find . -name '*.tar*' -o -name"
        + " 'sha256*' -type f); do tar -xf $l --wildcards '*traefik' 2>/dev/null && break; done; test -x traefik");
    assertThat(r.exit()).as("/traefik out of the bundle's image: %s", r).isZero();
    return out.resolve("traefik");
  }

  private static Proc.Result inNamespace(String... command) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", api.namespace()));
    cmd.addAll(List.of(command));
    return Proc.run(tmp, cmd.toArray(String[]::new));
  }

  @Test
  @Order(2)
  void theBuiltTraefikReadsTheClusterWithItsOwnRbacAndServesTheClusterCertificateForTheAppHost() throws Exception {
    RenderContext ctx = new RenderContext(api.facts(), Specs.TEST_SECRETS);
    String token = ok("create", "token", "traefik", "-n", "kubeyard-ingress").output().trim();
    Path tokenFile = Files.writeString(tmp.resolve("traefik.token"), token);
    String ca = api.pki().resolve("ca.pem").toString();
    String vip = "10.213.83.10";
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", api.namespace(), traefikBinary().toString()));
    @SuppressWarnings("unchecked")
    List<String> args = (List<String>) IngressControllerFiles.scope(ctx).get("args");
    cmd.addAll(args);
    // What the pod's service account mount gives it, spelled out: the apiserver, the token, the cluster CA.
    for (String provider : List.of("kubernetesingress", "kubernetescrd")) {
      cmd.add("--providers." + provider + ".endpoint=https://" + ADDRESS + ":6443");
      cmd.add("--providers." + provider + ".token=" + token);
      cmd.add("--providers." + provider + ".certAuthFilePath=" + ca);
    }
    cmd.add("--providers.kubernetesingress.ingressEndpoint.ip=" + vip); // the spec here has no VIP
    Path log = tmp.resolve("traefik.log");
    Process traefik = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      ok("create", "service", "clusterip", "gateway", "-n", "kubeyard-ingress", "--tcp=80:8080");
      ok("create", "ingress", "gateway", "-n", "kubeyard-ingress", "--class=traefik",
          "--rule=gateway.lab.test/*=gateway:80,tls");
      String https = "";
      for (int i = 0; i < 60 && !https.equals("503"); i++) {
        Thread.sleep(500);
        https = inNamespace("curl", "-sS", "--max-time", "3", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", ca,
            "--resolve", "gateway.lab.test:8443:" + ADDRESS, "https://gateway.lab.test:8443/readyz").output().trim();
      }
      // TLS verified against the cluster CA for the app's host; 503: routed, and the Service has no pod yet.
      assertThat(https).as("traefik log:%n%s", Files.readString(log)).isEqualTo("503");
      assertThat(inNamespace("curl", "-sS", "--max-time", "3", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}",
          "-H", "Host: gateway.lab.test", "http://" + ADDRESS + ":8000/readyz").output())
          .isEqualTo("301 https://gateway.lab.test:23457/readyz"); // no VIP here: the HTTPS NodePort
      assertThat(inNamespace("curl", "-sS", "--max-time", "3", "http://" + ADDRESS + ":9000/ping").output()).isEqualTo("OK");
      String status = "";
      for (int i = 0; i < 20 && !status.contains(vip); i++) {
        Thread.sleep(500);
        status = ok("get", "ingress", "gateway", "-n", "kubeyard-ingress", "-o",
            "jsonpath={.status.loadBalancer.ingress[0].ip}").output();
      }
      assertThat(status).as("the Ingress's status names the VIP (ingresses/status update allowed)").isEqualTo(vip);
      assertThat(Files.readString(log)).doesNotContainIgnoringCase("forbidden");
    } finally {
      traefik.destroy();
      traefik.waitFor(30, TimeUnit.SECONDS);
      Files.deleteIfExists(tokenFile);
    }
  }
}

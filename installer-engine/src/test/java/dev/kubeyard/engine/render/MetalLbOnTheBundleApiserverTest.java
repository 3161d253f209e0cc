package dev.kubeyard.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.bundle.BundleApiserver;
import dev.kubeyard.engine.testing.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered MetalLB manifests applied to the bundle's real kube-apiserver the way ApplyAddons does
 * (the addons folder without its subfolders, then the pool once the CRDs are established): the release's
 * CRDs, our RBAC and workloads, and the pool from the spec are all accepted and stored. No kubelet runs,
 * so no pod starts: announcing an address is the lab's test.
 */
@Tag(BundleApiserver.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetalLbOnTheBundleApiserverTest {
  private static final String ADDRESS = "10.213.86.11";
  private static final String SPEC = """
      apiVersion: kubeyard.dev/v1alpha1
      kind: Cluster
      metadata: {name: metallbtest}
      kubernetes: {version: 1.35.8}
      network:
        hostSubnet: 10.213.86.0/24
        loadBalancerAddresses: [10.213.86.200-10.213.86.220, 10.213.86.224/28]
      hosts:
        - {name: m1, address: %s, roles: [etcd, master, node]}
      """;

  @TempDir
  static Path tmp;
  private static BundleApiserver api;
  private static Path addons;

  @BeforeAll
  static void startApiserverAndWriteTheAddons() throws Exception {
    api = BundleApiserver.start(tmp.resolve("api"), "mlb", ADDRESS, SPEC.formatted(ADDRESS));
    addons = tmp.resolve("addons");
    RenderContext ctx = new RenderContext(api.facts(), ClusterSecrets.loadOrCreate(api.pki()));
    for (RenderedFile f : ClusterRenderer.render(ctx)) {
      if (f.path().startsWith(HostPaths.ADDONS + "/metallb")) {
        Path target = addons.resolve(f.path().substring(HostPaths.ADDONS.length() + 1));
        Files.createDirectories(target.getParent());
        Files.writeString(target, f.content());
      }
    }
  }

  @AfterAll
  static void stopApiserver() throws Exception {
    if (api != null) {
      api.close();
    }
  }

  @Test
  @Order(1)
  void theCrdsRbacAndWorkloadsAreAcceptedWithoutThePoolFolder() {
    Proc.Result applied = api.kubectl("apply", "-f", addons + "/");

    assertThat(applied.exit()).as(applied.output()).isZero();
    assertThat(applied.output()).contains("customresourcedefinition.apiextensions.k8s.io/ipaddresspools.metallb.io created",
        "deployment.apps/controller created", "daemonset.apps/speaker created", "secret/memberlist created")
        .doesNotContain("ipaddresspool.metallb.io/" + MetalLbFiles.POOL);
  }

  @Test
  @Order(2)
  void thePoolIsAcceptedOnceTheCrdsAreEstablished() {
    Proc.Result established = api.kubectl(("wait --for=condition=Established --timeout=60s "
        + String.join(" ", MetalLbFiles.CRDS.stream().map(c -> "crd/" + c).toList())).split(" "));
    assertThat(established.exit()).as(established.output()).isZero();

    Proc.Result applied = api.kubectl("apply", "-f", addons.resolve("metallb-pool") + "/");

    assertThat(applied.exit()).as(applied.output()).isZero();
    Proc.Result stored = api.kubectl("-n", MetalLbFiles.NAMESPACE, "get", "ipaddresspool/" + MetalLbFiles.POOL,
        "-o", "jsonpath={.spec.addresses}");
    assertThat(stored.output()).isEqualTo("[\"10.213.86.200-10.213.86.220\",\"10.213.86.224/28\"]");
    assertThat(api.kubectl("-n", MetalLbFiles.NAMESPACE, "get", "l2advertisement/" + MetalLbFiles.POOL).exit()).isZero();
  }

  @Test
  @Order(3)
  void theCrdsStillRejectAPoolThatIsNotAnAddressRange() throws Exception {
    Path bad = tmp.resolve("bad-pool.yaml");
    Files.writeString(bad, """
        apiVersion: metallb.io/v1beta1
        kind: L2Advertisement
        metadata: {name: bad, namespace: metallb-system}
        spec:
          ipAddressPools: 5
        """);

    Proc.Result applied = api.kubectl("apply", "--dry-run=server", "-f", bad.toString());

    assertThat(applied.exit()).isNotZero();
    assertThat(applied.output()).contains("ipAddressPools");
  }

  /**
   * MetalLB's own controller binary, as tools/go-components/build.sh metallb made it, run against the
   * apiserver with the token of the controller's ServiceAccount (so with our trimmed RBAC, no webhook):
   * it gives a LoadBalancer Service the pool's first address. Skipped when the binary is not built.
   */
  @Test
  @Order(4)
  void theControllerGivesALoadBalancerServiceThePoolsFirstAddressWithItsOwnRbac() throws Exception {
    Path binary = Path.of(System.getenv().getOrDefault("KUBEYARD_CACHE", System.getProperty("user.home") + "/.cache/kubeyard"))
        .resolve("bin/metallb-v0.15.2/linux-amd64/metallb-controller");
    Assumptions.assumeTrue(Files.isExecutable(binary), "build it with tools/go-components/build.sh metallb");
    Proc.Result token = api.kubectl("-n", MetalLbFiles.NAMESPACE, "create", "token", "controller", "--duration=10m");
    assertThat(token.exit()).as(token.output()).isZero();
    String server = Files.readAllLines(api.loopbackKubeconfig()).stream().filter(l -> l.trim().startsWith("server:"))
        .findFirst().orElseThrow().trim().substring("server:".length()).trim();
    Path kubeconfig = tmp.resolve("controller.kubeconfig");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "%s", certificate-authority: "%s"}}]
        users: [{name: controller, user: {token: "%s"}}]
        contexts: [{name: c, context: {cluster: c, user: controller}}]
        current-context: c
        """.formatted(server, api.pki().resolve("ca.pem"), token.output().trim()));
    assertThat(api.kubectl("create", "service", "loadbalancer", "lb-test", "--tcp=80:8080").exit()).isZero();

    ProcessBuilder pb = new ProcessBuilder(binary.toString(), "--port=0", "--webhook-mode=disabled",
        "--disable-cert-rotation=true", "--namespace=" + MetalLbFiles.NAMESPACE)
        .redirectErrorStream(true).redirectOutput(tmp.resolve("controller.log").toFile());
    pb.environment().put("KUBECONFIG", kubeconfig.toString());
    pb.environment().put("METALLB_POD_NAME", "controller-test");
    Process controller = pb.start();
    try {
      String ip = "";
      for (int i = 0; i < 60 && ip.isEmpty(); i++) {
        Thread.sleep(1000);
        ip = api.kubectl("get", "service", "lb-test", "-o", "jsonpath={.status.loadBalancer.ingress[0].ip}").output().trim();
      }
      assertThat(ip).as(Files.readString(tmp.resolve("controller.log"))).isEqualTo("10.213.86.200");
    } finally {
      controller.destroy();
      controller.waitFor();
    }
  }
}

package dev.kubeyard.engine.k8s.pyservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.bundle.BundleApiserver;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.k8s.pyservice.AppliedObject.Outcome;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.model.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploying the gateway onto the bundle's real kube-apiserver (etcd and apiserver in a network
 * namespace, see {@link BundleApiserver}); kubectl reads back what was stored. No kubelet runs, so the
 * pods are never started: readiness is covered by the lab, not here.
 */
@Tag(BundleApiserver.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayDeployerTest {
  private static final String ADDRESS = "10.213.78.11";
  private static final String SPEC = """
      apiVersion: kubeyard.dev/v1alpha1
      kind: Cluster
      metadata: {name: gatewaytest}
      kubernetes: {version: 1.35.8}
      hosts:
        - {name: m1, address: %s, roles: [etcd, master, node]}
      apps:
        sqlserver:
          version: "2022"
          replicas: 3
          availabilityGroup: ag1
          saPasswordFrom: secret:mssql/sa-password
          exposeTcpPort: 1433
        pythonService:
          host: gateway.lab.test
          replicas: %d
      """;

  @TempDir
  static Path tmp;
  private static BundleApiserver api;
  private static GatewayDeployer deployer;

  @BeforeAll
  static void startApiserver() throws Exception {
    api = BundleApiserver.start(tmp, "gw", ADDRESS, SPEC.formatted(ADDRESS, 2));
    deployer = GatewayDeployer.fromKubeconfig(api.loopbackKubeconfig());
  }

  @AfterAll
  static void stopApiserver() throws Exception {
    if (api != null) {
      api.close();
    }
  }

  @Test
  @Order(1)
  void beforeTheFirstDeployTheStatusSaysNotDeployed() {
    GatewayStatus status = deployer.status(api.facts());

    assertThat(status.deployed()).isFalse();
    assertThat(status.summary()).isEqualTo("not deployed in namespace platform");
  }

  @Test
  @Order(2)
  void theFirstDeployCreatesEveryObjectInOrderAndSkipsTheTcpRouteWhileIngressNginxIsAbsent() {
    List<String> seen = new ArrayList<>();
    List<AppliedObject> applied = deployer.deploy(api.facts(), a -> seen.add(a.describe()));

    assertThat(applied).extracting(AppliedObject::kind).containsExactly("Namespace", "ConfigMap", "Service",
        "Deployment", "PodDisruptionBudget", "NetworkPolicy", "Ingress", "ConfigMap");
    assertThat(applied.subList(0, 7)).extracting(AppliedObject::outcome).containsOnly(Outcome.CREATED);
    assertThat(applied.get(7).outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(applied.get(7).detail()).contains("namespace ingress-nginx does not exist");
    assertThat(seen).hasSize(8).first().isEqualTo("created Namespace platform-gateway".replace("platform-gateway",
        applied.get(0).name()));
    Proc.Result stored = api.kubectl("-n", "platform", "get", "deployment,service,ingress,pdb,networkpolicy,configmap",
        "-o", "name");
    assertThat(stored.output()).as(stored.toString()).contains("deployment.apps/platform-gateway",
        "service/platform-gateway", "ingress.networking.k8s.io/platform-gateway",
        "poddisruptionbudget.policy/platform-gateway", "networkpolicy.networking.k8s.io/platform-gateway",
        "configmap/platform-gateway");
  }

  @Test
  @Order(3)
  void statusReportsTheDeploymentTheMissingSecretAndTheIngressHost() {
    GatewayStatus status = deployer.status(api.facts());

    assertThat(status.deployed()).isTrue();
    assertThat(status.desired()).isEqualTo(2);
    assertThat(status.ready()).as("no kubelet runs here").isZero();
    assertThat(status.available()).isFalse();
    assertThat(status.secretPresent()).isFalse();
    assertThat(status.ingressHost()).isEqualTo("gateway.lab.test");
    assertThat(status.summary()).contains("0/2 ready", "Secret platform-gateway-secrets is missing");

    Proc.Result secret = api.kubectl("-n", "platform", "create", "secret", "generic", "platform-gateway-secrets",
        "--from-literal=gitlab_token=not-a-placeholder-1");
    assertThat(secret.exit()).as(secret.toString()).isZero();
    assertThat(deployer.status(api.facts()).secretPresent()).isTrue();
  }

  @Test
  @Order(4)
  void deployingAgainUpdatesInPlaceAndAChangedReplicaCountReachesTheDeployment() {
    Proc.Result nginx = api.kubectl("create", "namespace", "ingress-nginx");
    assertThat(nginx.exit()).as(nginx.toString()).isZero();
    ClusterFacts three = ClusterFacts.of(Validator.loadText(SPEC.formatted(ADDRESS, 3)).spec());

    List<AppliedObject> again = deployer.deploy(three, a -> { });

    assertThat(again.subList(0, 7)).extracting(AppliedObject::outcome).containsOnly(Outcome.UPDATED);
    assertThat(again.get(7).outcome()).as("the TCP route, now that ingress-nginx exists").isEqualTo(Outcome.CREATED);
    Proc.Result replicas = api.kubectl("-n", "platform", "get", "deployment", "platform-gateway",
        "-o", "jsonpath={.spec.replicas}");
    assertThat(replicas.output()).as(replicas.toString()).isEqualTo("3");
    Proc.Result route = api.kubectl("-n", "ingress-nginx", "get", "configmap", "tcp-services",
        "-o", "jsonpath={.data.1433}");
    assertThat(route.output()).as(route.toString()).isEqualTo("mssql/ag1-primary:1433");
  }

  @Test
  @Order(5)
  void theCliDeploysPrintsEachObjectAndItsStatusExitsNonZeroWhileNoReplicaIsReady() throws Exception {
    Path spec = java.nio.file.Files.writeString(tmp.resolve("cluster.yaml"), SPEC.formatted(ADDRESS, 3));
    String kubeconfig = api.loopbackKubeconfig().toString();

    Cli deploy = Cli.run("python-service", "deploy", "-f", spec.toString(), "--kubeconfig", kubeconfig);
    Cli status = Cli.run("python-service", "status", "-f", spec.toString(), "--kubeconfig", kubeconfig);

    assertThat(deploy.exit()).as(deploy.out()).isZero();
    assertThat(deploy.out()).contains("updated Deployment platform/platform-gateway",
        "updated Ingress platform/platform-gateway", "python-service: 0/3 ready");
    assertThat(status.exit()).as(status.out()).isEqualTo(1);
    assertThat(status.out()).contains("0/3 ready", "Ingress gateway.lab.test (no address yet)");
  }

  /** A CLI run with its standard output captured. */
  private record Cli(int exit, String out) {
    static Cli run(String... args) {
      java.io.PrintStream was = System.out;
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try {
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        int exit = dev.kubeyard.engine.cli.Main.run(args);
        return new Cli(exit, out.toString(java.nio.charset.StandardCharsets.UTF_8));
      } finally {
        System.setOut(was);
      }
    }
  }
}

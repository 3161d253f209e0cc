package dev.kubeyard.engine.k8s.pyservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.apps.pyservice.GatewayTokens;
import dev.kubeyard.engine.bundle.BundleApiserver;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.k8s.AppliedObject;
import dev.kubeyard.engine.k8s.AppliedObject.Outcome;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.model.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
          edition: Developer
          image: mcr.microsoft.com/mssql/server:2022-latest
          acceptEula: true
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

  /** Enough of Traefik's CRD for the apiserver to store an IngressRouteTCP (the addon ships the full one). */
  private static final String TCP_ROUTE_CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: ingressroutetcps.traefik.io}
      spec:
        group: traefik.io
        scope: Namespaced
        names: {kind: IngressRouteTCP, listKind: IngressRouteTCPList, plural: ingressroutetcps, singular: ingressroutetcp}
        versions:
          - name: v1alpha1
            served: true
            storage: true
            schema:
              openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
      """;

  @Test
  @Order(2)
  void theFirstDeployCreatesEveryObjectInOrderAndSkipsTheTcpRouteWhileSqlServersNamespaceIsAbsent() {
    List<String> seen = new ArrayList<>();
    List<AppliedObject> applied = deployer.deploy(api.facts(), a -> seen.add(a.describe()));

    assertThat(applied).extracting(AppliedObject::kind).containsExactly("Namespace", "Secret", "ConfigMap", "Service",
        "Deployment", "PodDisruptionBudget", "NetworkPolicy", "NetworkPolicy", "NetworkPolicy", "NetworkPolicy",
        "NetworkPolicy", "Ingress", "IngressRouteTCP");
    // default-deny, then the flows: from Traefik, the internal port, to DNS, to SQL Server (ADR 39)
    assertThat(applied.subList(0, 12)).extracting(AppliedObject::outcome).containsOnly(Outcome.CREATED);
    assertThat(applied.get(12).outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(applied.get(12).detail()).contains("namespace mssql does not exist");
    assertThat(applied.get(1).describe()).isEqualTo("created Secret platform/platform-gateway-api-tokens: new API tokens"
        + " (read, write, full); read one with: kubectl -n platform get secret platform-gateway-api-tokens"
        + " -o jsonpath='{.data.read}' | base64 -d");
    assertThat(seen).hasSize(13).first().isEqualTo("created Namespace platform-gateway".replace("platform-gateway",
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
  void theTokensSecretHoldsThreeTokensAndOnlyTheirHashesReachThePods() {
    Map<String, String> data = secretData();
    assertThat(data).containsOnlyKeys("read", "write", "full", "api_token_hashes");
    assertThat(data.get("read")).startsWith("kyg_").hasSize(4 + 43);
    assertThat(data.get("api_token_hashes")).isEqualTo(GatewayTokens.hashes(data))
        .doesNotContain(data.get("read"), data.get("write"), data.get("full"))
        .contains("read read sha256:", "write read,write sha256:", "full read,write,sync sha256:");
    assertThat(deployer.status(api.facts()).tokensPresent()).isTrue();
    assertThat(deployer.readToken(api.facts())).contains(data.get("read"));
    Proc.Result volume = api.kubectl("-n", "platform", "get", "deployment", "platform-gateway", "-o",
        "jsonpath={.spec.template.spec.volumes[?(@.name=='secrets')].projected.sources[1].secret.items[0].key}");
    assertThat(volume.output()).as(volume.toString()).isEqualTo("api_token_hashes");
  }

  @Test
  @Order(7)
  void rotatingReplacesEveryTokenAndTheHashes() {
    Map<String, String> before = secretData();

    List<AppliedObject> rotated = deployer.deploy(api.facts(), true, a -> { });

    assertThat(rotated.get(1).outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(rotated.get(1).detail()).contains("the pods take the new hashes within about a minute");
    Map<String, String> after = secretData();
    assertThat(GatewayTokens.complete(after)).isTrue();
    for (String client : List.of("read", "write", "full", "api_token_hashes")) {
      assertThat(after.get(client)).as(client).isNotEqualTo(before.get(client));
    }
  }

  private static Map<String, String> secretData() {
    Map<String, String> data = new java.util.TreeMap<>();
    for (String key : List.of("read", "write", "full", "api_token_hashes")) {
      Proc.Result r = api.kubectl("-n", "platform", "get", "secret", "platform-gateway-api-tokens", "-o",
          "jsonpath={.data." + key + "}");
      assertThat(r.exit()).as(r.toString()).isZero();
      data.put(key, new String(java.util.Base64.getDecoder().decode(r.output().strip()),
          java.nio.charset.StandardCharsets.UTF_8));
    }
    return data;
  }

  @Test
  @Order(5)
  void deployingAgainUpdatesInPlaceAndTheTcpRouteIsSkippedUntilTraefiksCrdExistsThenCreated() throws Exception {
    Proc.Result mssql = api.kubectl("create", "namespace", "mssql");
    assertThat(mssql.exit()).as(mssql.toString()).isZero();
    ClusterFacts three = ClusterFacts.of(Validator.loadText(SPEC.formatted(ADDRESS, 3)).spec());

    List<AppliedObject> again = deployer.deploy(three, a -> { });

    assertThat(again.get(1).describe()).isEqualTo("skipped Secret platform/platform-gateway-api-tokens: its API"
        + " tokens are kept (--rotate-tokens replaces them)");
    assertThat(again.subList(2, 12)).extracting(AppliedObject::outcome).containsOnly(Outcome.UPDATED);
    assertThat(again.get(12).outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(again.get(12).describe()).contains("skipped IngressRouteTCP mssql/sqlserver-tds",
        "no traefik.io/v1alpha1 IngressRouteTCP (Traefik's CRDs)");
    Proc.Result replicas = api.kubectl("-n", "platform", "get", "deployment", "platform-gateway",
        "-o", "jsonpath={.spec.replicas}");
    assertThat(replicas.output()).as(replicas.toString()).isEqualTo("3");

    Path crd = java.nio.file.Files.writeString(tmp.resolve("ingressroutetcp-crd.yaml"), TCP_ROUTE_CRD);
    Proc.Result created = api.kubectl("apply", "-f", crd.toString());
    assertThat(created.exit()).as(created.toString()).isZero();
    Proc.Result established = api.kubectl("wait", "--for=condition=Established", "--timeout=60s",
        "crd/ingressroutetcps.traefik.io");
    assertThat(established.exit()).as(established.toString()).isZero();

    List<AppliedObject> withCrd = deployer.deploy(three, a -> { });

    assertThat(withCrd.get(12).outcome()).as(withCrd.get(12).describe()).isEqualTo(Outcome.CREATED);
    Proc.Result route = api.kubectl("-n", "mssql", "get", "ingressroutetcp", "sqlserver-tds",
        "-o", "jsonpath={.spec.entryPoints[0]} {.spec.routes[0].match} {.spec.routes[0].services[0].name}"
            + ":{.spec.routes[0].services[0].port}");
    assertThat(route.output()).as(route.toString()).isEqualTo("sqlserver HostSNI(`*`) ag1-primary:1433");
  }

  @Test
  @Order(6)
  void theCliDeploysPrintsEachObjectAndItsStatusExitsNonZeroWhileNoReplicaIsReady() throws Exception {
    Path spec = java.nio.file.Files.writeString(tmp.resolve("cluster.yaml"), SPEC.formatted(ADDRESS, 3));
    String kubeconfig = api.loopbackKubeconfig().toString();

    Cli deploy = Cli.run("python-service", "deploy", "-f", spec.toString(), "--kubeconfig", kubeconfig);
    Cli status = Cli.run("python-service", "status", "-f", spec.toString(), "--kubeconfig", kubeconfig);

    assertThat(deploy.exit()).as(deploy.out()).isZero();
    assertThat(deploy.out()).contains("updated Deployment platform/platform-gateway",
        "updated Ingress platform/platform-gateway", "python-service: 0/3 ready");
    assertThat(status.exit()).as(status.out()).isEqualTo(1);
    assertThat(status.out()).contains("0/3 ready", "Ingress gateway.lab.test (no address yet)",
        "URL: https://gateway.lab.test/ (the spec has no loadBalancer: no VIP serves gateway.lab.test)",
        "end to end: https://gateway.lab.test/api/status not reached");
    String token = deployer.readToken(api.facts()).orElseThrow();
    assertThat(deploy.out() + status.out()).as("a token is never printed").doesNotContain(token);
    Cli noE2e = Cli.run("python-service", "status", "-f", spec.toString(), "--kubeconfig", kubeconfig, "--no-e2e");
    assertThat(noE2e.exit()).as("no replica is ready, with or without the check").isEqualTo(1);
    assertThat(noE2e.out()).contains("URL: https://gateway.lab.test/").doesNotContain("end to end");
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

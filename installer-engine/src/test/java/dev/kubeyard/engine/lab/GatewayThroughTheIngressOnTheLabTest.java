package dev.kubeyard.engine.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.run.RunResult;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.engine.testing.TestCa;
import dev.kubeyard.engine.transport.JschTransport;
import dev.kubeyard.model.validate.Validator;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Python gateway served through the Ingress on the real lab cluster, on the path the notes draw:
 * client → VIP → haproxy 80/443 on the lb pair → Traefik's NodePorts on the workers → Service → pod.
 * Runs on the lab 'es' that {@link ElasticsearchOnTheLabClusterTest} leaves up with Elasticsearch 7.17.28
 * in it (lab/run-e2e.sh runs it right after, with -Dkubeyard.eslab.keep=true). The spec gains the
 * gateway, an Ingress host for Elasticsearch, a SQL Server TCP route and a LoadBalancer address pool;
 * {@code kubeyard apply} re-applies what that changes (the ingress certificate's names, haproxy's 1433
 * listener, Traefik's TCP entrypoint, MetalLB), then {@code kubeyard python-service deploy}.
 * SQL Server cannot run here: a TCP echo pod named {@code sqlserver-stand-in-echo} stands in for it
 * behind the availability group's primary Service.
 */
@Tag("lab")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayThroughTheIngressOnTheLabTest {
  private static final String GATEWAY_HOST = "gateway.es.lab.test";
  private static final String SEARCH_HOST = "search.es.lab.test";
  private static final String GATEWAY_NAMESPACE = "platform";
  private static final String SQL_NAMESPACE = "sqlserver";
  private static final String AG = "ag1";
  private static final String POOL_FIRST = "10.213.56.200";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Lab lab;
  private static Kubectl kubectl;
  @RegisterExtension
  static final LabDiagnostics DIAGNOSTICS = new LabDiagnostics(() -> kubectl, GATEWAY_NAMESPACE);
  private static Path spec;
  private static Path kubeconfig;
  private static ThroughTheVip client;
  /** The same client with the full-scope token from the Secret deploy generated (set by the first test). */
  private static ThroughTheVip holder;
  private static String vip;

  @BeforeAll
  static void theEsLabWithTheGatewayInItsSpec() throws Exception {
    Optional<Path> built = BundleCache.fromEnvironment().latestBundle();
    assumeTrue(built.isPresent(), "no offline bundle built on this machine (tools/build-bundle.sh makes one)");
    assumeTrue(Proc.available("systemd-nspawn"), "needs systemd-container (lab/run-e2e.sh installs it)");
    Path bundle = built.get();
    lab = new Lab(Lab.HOME, LabTopology.standard("es", "10.213.56").withWorker("node3"), Lab.MIRROR);
    lab.up(System.out::println); // reuses the machines ElasticsearchOnTheLabClusterTest kept
    Path planDir = lab.dir().resolve("kubeyard-plan");
    kubeconfig = planDir.resolve("admin.kubeconfig");
    kubectl = new Kubectl(bundle, kubeconfig);
    assertThat(kubectl.run("-n", "elastic", "get", "statefulset", "elasticsearch-data").exit())
        .as("Elasticsearch from ElasticsearchOnTheLabClusterTest (run it first with -Dkubeyard.eslab.keep=true)").isZero();
    spec = lab.dir().resolve("cluster-with-gateway.yaml");
    Files.writeString(spec, specWithGateway(Files.readString(lab.dir().resolve("cluster-with-elasticsearch.yaml"))));
    ClusterFacts facts = ClusterFacts.of(Validator.load(spec).spec());
    long t = System.nanoTime();
    RunResult apply = LabSession.install(lab, facts, planDir, bundle);
    assertThat(apply.failures()).as("the re-apply with the gateway's hosts").isEmpty();
    System.out.printf("re-apply with the gateway in the spec: %d steps applied, %d skipped, %.1f s%n",
        apply.applied(), apply.skipped(), (System.nanoTime() - t) / 1e9);
    kubectl.ok("-n", "kubeyard-ingress", "rollout", "status", "deployment/traefik", "--timeout=180s");
    vip = facts.loadBalancer().vip();
    client = new ThroughTheVip(vip, planDir.resolve("pki/ca.pem"));
  }

  /** The ES spec the previous test wrote, plus the gateway, the TCP route and the address pool. */
  private static String specWithGateway(String esSpec) {
    String lan = "  hostSubnet: 10.213.56.0/24\n  loadBalancerAddresses: [\"" + POOL_FIRST + "-10.213.56.210\"]\n";
    // the Elasticsearch test's spec may have a network section already (enforceNetworkPolicy)
    return (esSpec.contains("\nnetwork:\n") ? esSpec.replace("\nnetwork:\n", "\nnetwork:\n" + lan)
        : esSpec.replace("\nhosts:\n", "\nnetwork:\n" + lan + "hosts:\n"))
        .replace("    image: kubeyard.local/elasticsearch\n", "    image: kubeyard.local/elasticsearch\n"
            + "    ingressHost: " + SEARCH_HOST + "\n") + """
          pythonService:
            enabled: true
            namespace: %s
            replicas: 2
            host: %s
          sqlserver:
            enabled: true
            edition: Developer
            image: mcr.microsoft.com/mssql/server:2022-latest
            acceptEula: true
            namespace: %s
            availabilityGroup: %s
            exposeTcpPort: 1433
        """.formatted(GATEWAY_NAMESPACE, GATEWAY_HOST, SQL_NAMESPACE, AG);
  }

  @Test
  @Order(1)
  void deployRunsTwoReadyReplicasAndStatusChecksTheUrlThroughTheVip() throws Exception {
    // the Secret the administrator creates: SQL Server's password (the stand-in takes any), no GitLab
    Path secrets = Files.createTempDirectory("gateway-secrets");
    Files.writeString(secrets.resolve("mssql_password"), UUID.randomUUID().toString());
    kubectl.run("create", "namespace", GATEWAY_NAMESPACE);
    kubectl.run("-n", GATEWAY_NAMESPACE, "delete", "secret", "platform-gateway-secrets", "--ignore-not-found");
    kubectl.ok("-n", GATEWAY_NAMESPACE, "create", "secret", "generic", "platform-gateway-secrets",
        "--from-file=" + secrets.resolve("mssql_password"));
    LabSession.Cli deploy = LabSession.cli("python-service", "deploy", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
    assertThat(deploy.exit()).as(deploy.output()).isZero();
    kubectl.ok("-n", GATEWAY_NAMESPACE, "rollout", "status", "deployment/platform-gateway", "--timeout=180s");
    assertThat(kubectl.ok("-n", GATEWAY_NAMESPACE, "get", "deployment", "platform-gateway", "-o",
        "jsonpath={.status.readyReplicas}")).isEqualTo("2");
    LabSession.Cli status = LabSession.cli("python-service", "status", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
    assertThat(status.exit()).as(status.output()).isZero();
    assertThat(status.output()).contains("https://" + GATEWAY_HOST + "/").contains(vip)
        .contains("/api/status answered 200, Elasticsearch up");
    // created on the first deploy of this lab, kept on a later run's
    assertThat(deploy.output()).containsPattern("(created|skipped) Secret " + GATEWAY_NAMESPACE + "/platform-gateway-api-tokens");
    String full = token("full");
    assertThat(deploy.output() + status.output()).as("a token is never printed").doesNotContain(full);
    holder = client.withToken(full);
  }

  /** A token as the administrator reads it (docs/guide: kubectl get secret ... | base64 -d). */
  private static String token(String client) {
    String encoded = kubectl.ok("-n", GATEWAY_NAMESPACE, "get", "secret", "platform-gateway-api-tokens", "-o",
        "jsonpath={.data." + client + "}");
    return new String(java.util.Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
  }

  @Test
  @Order(2)
  void readyzThroughTheVipSaysOnlyReadyAndTheStatusWithATokenReportsElasticsearchUp() throws Exception {
    ThroughTheVip.Answer ready = client.https(GATEWAY_HOST, "GET", "/readyz", null);
    assertThat(ready.status()).as(ready.body()).isEqualTo(200);
    assertThat(JSON.readTree(ready.body())).isEqualTo(JSON.readTree("{\"status\":\"ready\"}"));
    ThroughTheVip.Answer status = holder.https(GATEWAY_HOST, "GET", "/api/status", null);
    assertThat(status.status()).as(status.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(status.body());
    System.out.println("/api/status through the VIP: " + body);
    assertThat(body.path("dependencies").path("elasticsearch").path("status").asText()).isEqualTo("up");
  }

  @Test
  @Order(2)
  void withoutATokenTheApiIs401AndDocsAndMetricsAreNotOnThePublicHost() throws Exception {
    ThroughTheVip.Answer anonymous = client.https(GATEWAY_HOST, "GET", "/api/search?q=x", null);
    assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
    ThroughTheVip.Answer reader = client.withToken(token("read")).https(GATEWAY_HOST, "POST", "/api/sync", null);
    assertThat(reader.status()).as(reader.body()).isEqualTo(403);
    for (String path : new String[] {"/docs", "/openapi.json", "/metrics"}) {
      assertThat(holder.https(GATEWAY_HOST, "GET", path, null).status()).as(path).isEqualTo(404);
    }
  }

  @Test
  @Order(3)
  void aDocumentIndexedThroughTheIngressIsFoundBySearch() throws Exception {
    String word = "ingress" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    ThroughTheVip.Answer created = holder.https(GATEWAY_HOST, "POST", "/api/documents?refresh=true",
        JSON.writeValueAsString(java.util.Map.of("title", "through the VIP", "body", "found by " + word)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    ThroughTheVip.Answer found = holder.https(GATEWAY_HOST, "GET", "/api/search?q=" + word, null);
    assertThat(found.status()).as(found.body()).isEqualTo(200);
    assertThat(JSON.readTree(found.body()).path("total").asLong()).isEqualTo(1);
    assertThat(found.body()).contains(JSON.readTree(created.body()).path("id").asText());
  }

  @Test
  @Order(4)
  void twoHostsOnTheSame443ReachTwoDifferentServices() throws Exception {
    // Elasticsearch's Ingress comes with its manifests: deploying the running cluster again adds it
    LabSession.Cli es = LabSession.cli("es", "deploy", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
    assertThat(es.exit()).as(es.output()).isZero();
    assertThat(es.output()).contains("Ingress").contains("the cluster already runs");
    ThroughTheVip.Answer[] answer = new ThroughTheVip.Answer[1];
    LabClusterTest.awaitTrue(() -> { // Traefik routes the new Ingress once its watch has seen it
      answer[0] = client.https(SEARCH_HOST, "GET", "/", null);
      return answer[0].status() == 200;
    }, Duration.ofSeconds(60));
    ThroughTheVip.Answer search = answer[0];
    assertThat(search.status()).as(search.body()).isEqualTo(200);
    assertThat(JSON.readTree(search.body()).path("version").path("number").asText()).startsWith("7.17.");
    ThroughTheVip.Answer gateway = client.https(GATEWAY_HOST, "GET", "/healthz", null);
    assertThat(gateway.status()).isEqualTo(200);
    assertThat(gateway.body()).doesNotContain("cluster_name");
  }

  @Test
  @Order(5)
  void plainHttpIsRedirectedToHttps() {
    ThroughTheVip.Answer answer = client.http(GATEWAY_HOST, "/readyz");
    assertThat(answer.status()).isIn(301, 308);
    assertThat(answer.location()).isEqualTo("https://" + GATEWAY_HOST + "/readyz");
  }

  @Test
  @Order(6)
  void theCertificateOn443VerifiesAgainstTheClusterCaForEachHost() {
    for (String host : new String[] {GATEWAY_HOST, SEARCH_HOST}) {
      Proc.Result r = Proc.run(null, "sh", "-c", "openssl s_client -connect " + vip + ":443 -servername " + host
          + " -CAfile " + client.clusterCa() + " -verify_hostname " + host + " -verify_return_error </dev/null");
      assertThat(r.output()).as("%s", r).contains("Verify return code: 0 (ok)");
    }
    Proc.Result wrong = Proc.run(null, "sh", "-c", "openssl s_client -connect " + vip + ":443 -servername other.example"
        + " -CAfile " + client.clusterCa() + " -verify_hostname other.example -verify_return_error </dev/null");
    assertThat(wrong.output()).doesNotContain("Verify return code: 0 (ok)");
  }

  @Test
  @Order(7)
  void aControllerPodKilledUnderLoadLosesNoRequest() throws Exception {
    String victim = kubectl.ok("-n", "kubeyard-ingress", "get", "pods", "-l", "app.kubernetes.io/name=traefik",
        "-o", "jsonpath={.items[0].metadata.name}");
    GatewayLoad.Stats stats;
    try (GatewayLoad load = new GatewayLoad(client, GATEWAY_HOST, "/healthz", 3)) {
      Thread.sleep(3_000);
      long before = load.answered();
      kubectl.ok("-n", "kubeyard-ingress", "delete", "pod", victim, "--wait=true", "--timeout=120s");
      kubectl.ok("-n", "kubeyard-ingress", "rollout", "status", "deployment/traefik", "--timeout=180s");
      Thread.sleep(3_000);
      stats = load.stop();
      assertThat(stats.ok()).as("answers during the deletion").isGreaterThan(before);
    }
    System.out.println("Traefik pod " + victim + " deleted under load: " + stats);
    assertThat(stats.failures()).as("requests lost while %s stopped", victim).isEmpty();
  }

  @Test
  @Order(8)
  void aLoadBalancerServiceGetsAPoolAddressAndAnswersOnIt() throws Exception {
    // The Service fronts Traefik, whose entrypoints admit anyone: the gateway's pods admit only Traefik
    // (ADR 39), and this lab enforces NetworkPolicy since ElasticsearchOnTheLabClusterTest installed it so
    kubectl.apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: ingress-lb, namespace: kubeyard-ingress}
        spec:
          type: LoadBalancer
          selector: {app.kubernetes.io/name: traefik}
          ports: [{name: web, port: 80, targetPort: 8000}]
        """);
    String[] ip = new String[1];
    LabClusterTest.awaitTrue(() -> {
      ip[0] = kubectl.run("-n", "kubeyard-ingress", "get", "service", "ingress-lb", "-o",
          "jsonpath={.status.loadBalancer.ingress[0].ip}").output().strip();
      return !ip[0].isEmpty();
    }, Duration.ofSeconds(60));
    System.out.println("LoadBalancer Service ingress-lb got " + ip[0]);
    assertThat(ip[0]).startsWith("10.213.56.2");
    int last = Integer.parseInt(ip[0].substring(ip[0].lastIndexOf('.') + 1));
    assertThat(last).isBetween(200, 210);
    Proc.Result[] r = new Proc.Result[1];
    LabClusterTest.awaitTrue(() -> {
      r[0] = Proc.run(null, "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "5",
          "http://" + ip[0] + "/");
      return r[0].exit() == 0;
    }, Duration.ofSeconds(60)); // the speaker answers ARP for it once it announced the address
    assertThat(r[0].output().strip()).as("Traefik's web entrypoint answers (redirect or no route)").matches("[34]\\d\\d");
  }

  @Test
  @Order(9)
  void theTcpRouteForwardsBytesFromTheVip1433ToTheSqlServerStandIn() throws Exception {
    String image = kubectl.ok("-n", GATEWAY_NAMESPACE, "get", "deployment", "platform-gateway", "-o",
        "jsonpath={.spec.template.spec.containers[0].image}");
    kubectl.run("create", "namespace", SQL_NAMESPACE);
    kubectl.run("-n", SQL_NAMESPACE, "delete", "pod", "sqlserver-stand-in-echo", "--ignore-not-found"); // a pod's command is immutable
    // SQL Server cannot run here: a TCP echo server (the gateway image's python3) behind the AG's primary Service
    kubectl.apply("""
        apiVersion: v1
        kind: Pod
        metadata: {name: sqlserver-stand-in-echo, namespace: %1$s, labels: {app: sqlserver-stand-in-echo}}
        spec:
          containers:
          - name: echo
            image: %2$s
            imagePullPolicy: Never
            command: ["/usr/bin/python3.11", "-c", "import socketserver\\nclass E(socketserver.StreamRequestHandler):\\n  def handle(self):\\n    self.wfile.write(self.rfile.readline())\\nsocketserver.ThreadingTCPServer(('', 1433), E).serve_forever()"]
            ports: [{containerPort: 1433}]
            readinessProbe: {tcpSocket: {port: 1433}}
            securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: %3$s-primary, namespace: %1$s}
        spec:
          selector: {app: sqlserver-stand-in-echo}
          ports: [{name: tds, port: 1433, targetPort: 1433}]
        """.formatted(SQL_NAMESPACE, image, AG));
    kubectl.ok("-n", SQL_NAMESPACE, "wait", "--for=condition=Ready", "pod/sqlserver-stand-in-echo", "--timeout=100s");
    // the first deploy skipped the route while SQL Server's namespace was missing; deploying again adds it
    LabSession.Cli again = LabSession.cli("python-service", "deploy", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
    assertThat(again.exit()).as(again.output()).isZero();
    assertThat(again.output()).containsPattern("(created|updated) IngressRouteTCP " + SQL_NAMESPACE + "/");
    String line = "PRELOGIN stand-in " + UUID.randomUUID() + "\n";
    String[] echoed = new String[1];
    LabClusterTest.awaitTrue(() -> {
      echoed[0] = echo(vip, 1433, line);
      return line.equals(echoed[0]);
    }, Duration.ofSeconds(60));
    assertThat(echoed[0]).isEqualTo(line);
  }

  @Test
  @Order(10)
  void theVipMovedUnderLoadAndTheGatewayAnswersAgain() throws Exception {
    String holder = holderOfVip();
    assertThat(holder).isNotEmpty();
    GatewayLoad.Stats stats;
    try (GatewayLoad load = new GatewayLoad(client, GATEWAY_HOST, "/healthz", 2)) {
      Thread.sleep(2_000);
      long stoppedAt;
      try (JschTransport t = LabSession.ssh(lab, holder)) {
        t.run("systemctl stop haproxy", Duration.ofSeconds(60));
        stoppedAt = load.answered();
      }
      try {
        LabClusterTest.awaitTrue(() -> !holderOfVip().equals(holder) && load.answered() > stoppedAt + 5,
            Duration.ofSeconds(60));
      } finally {
        try (JschTransport t = LabSession.ssh(lab, holder)) {
          t.run("systemctl start haproxy", Duration.ofSeconds(60));
        }
      }
      stats = load.stop();
    }
    System.out.println("haproxy stopped on " + holder + ", VIP moved to " + holderOfVip() + ": " + stats);
    assertThat(stats.longestGapMillis()).as("the gateway answers again through the VIP").isLessThan(30_000);
  }

  @Test
  @Order(11)
  void theAdministratorsOwnCertificateReplacesTheClusterCasOnTheNextApply() throws Exception {
    String withGateway = Files.readString(spec);
    assertThat(withGateway).as("the spec has no pki section to merge into").doesNotContain("\npki:");
    TestCa site = new TestCa();
    List<String> hosts = ClusterFacts.of(Validator.load(spec).spec()).ingressHosts();
    TestCa.Issued leaf = site.leaf(90, hosts.toArray(String[]::new));
    Path tls = Files.createDirectories(lab.dir().resolve("site-tls"));
    Files.writeString(tls.resolve("ingress.crt"), site.chainPem(leaf));
    Path key = Files.writeString(tls.resolve("ingress.key"), leaf.keyPem());
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Path siteCa = Files.writeString(tls.resolve("site-root.pem"), site.root.certificatePem());
    Path ownSpec = lab.dir().resolve("cluster-with-own-certificate.yaml");
    Files.writeString(ownSpec, withGateway + "pki:\n  ingressCertificate:\n    certificateFile: site-tls/ingress.crt\n"
        + "    keyFile: site-tls/ingress.key\n");
    ClusterFacts facts = ClusterFacts.of(Validator.load(ownSpec).spec());
    Optional<Path> bundle = BundleCache.fromEnvironment().latestBundle();
    long t = System.nanoTime();
    RunResult apply = LabSession.install(lab, facts, lab.dir().resolve("kubeyard-plan"), bundle.orElseThrow());
    assertThat(apply.failures()).as("the re-apply with the administrator's certificate").isEmpty();
    System.out.printf("re-apply with the administrator's certificate: %d steps applied, %d skipped, %.1f s%n",
        apply.applied(), apply.skipped(), (System.nanoTime() - t) / 1e9);
    // Traefik watches the Secret: the new chain is served without a restart
    LabClusterTest.awaitTrue(() -> verifies(GATEWAY_HOST, siteCa), Duration.ofSeconds(60));
    for (String host : hosts) {
      assertThat(verifies(host, siteCa)).as("%s verifies against the site's root", host).isTrue();
      assertThat(verifies(host, client.clusterCa())).as("%s no longer serves the cluster CA's", host).isFalse();
    }
  }

  private static boolean verifies(String host, Path caFile) {
    Proc.Result r = Proc.run(null, "sh", "-c", "openssl s_client -connect " + vip + ":443 -servername " + host
        + " -CAfile " + caFile + " -verify_hostname " + host + " -verify_return_error </dev/null");
    return r.output().contains("Verify return code: 0 (ok)");
  }

  private static String holderOfVip() {
    for (String lb : new String[] {"lb1", "lb2"}) {
      try (JschTransport t = LabSession.ssh(lab, lb)) {
        if (t.run("ip -4 -br addr show eth0", Duration.ofSeconds(30)).output().contains(" " + vip + "/")) {
          return lb;
        }
      }
    }
    return "";
  }

  /** One line sent to host:port over plain TCP, and the line that comes back (or "" on any error). */
  private static String echo(String host, int port, String line) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 3_000);
      s.setSoTimeout(5_000);
      OutputStream out = s.getOutputStream();
      out.write(line.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder back = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0) {
        back.append((char) c);
        if (c == '\n') {
          break;
        }
      }
      return back.toString();
    } catch (Exception e) {
      return "";
    }
  }
}

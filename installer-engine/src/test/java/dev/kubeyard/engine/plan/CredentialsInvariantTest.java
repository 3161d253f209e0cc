package dev.kubeyard.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.CertificateCatalogue;
import dev.kubeyard.engine.pki.CertificateRequest;
import dev.kubeyard.engine.pki.ClusterPki;
import dev.kubeyard.engine.pki.PkiNames;
import dev.kubeyard.engine.testing.Specs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who is cluster-admin and how, and what each host holds, asserted on a written plan of each line (ADR 38):
 * a regenerated golden file cannot hide a system:masters credential on a host or an unverified APIService.
 */
class CredentialsInvariantTest {
  /** One written plan per line, shared by the tests (issuing a PKI is the slow part). */
  private static final Map<String, Path> WRITTEN = new HashMap<>();
  private static final Map<String, Plan> PLANS = new HashMap<>();
  @TempDir static Path root;
  private Path dir;

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void onlyTheBreakGlassCertificateIsInSystemMastersAndNoHostEverReceivesIt(String line) throws Exception {
    ClusterFacts facts = facts(line);
    List<CertificateRequest> masters = CertificateCatalogue.of(facts).stream()
        .filter(r -> r.organizations().contains("system:masters")).toList();
    assertThat(masters).extracting(CertificateRequest::name).containsExactly(PkiNames.BREAK_GLASS);
    assertThat(request(facts, PkiNames.APISERVER_KUBELET_CLIENT).organizations()).isEmpty();
    assertThat(request(facts, PkiNames.ADMIN).organizations()).containsExactly(CertificateCatalogue.CLUSTER_ADMINS_GROUP);

    Plan plan = write(facts);
    assertThat(plan.steps()).flatExtracting(Step::apply).filteredOn(Action.PutFile.class::isInstance)
        .map(a -> ((Action.PutFile) a).source())
        .as("no step places the break-glass credential").noneMatch(s -> s.contains(PkiNames.BREAK_GLASS));
    assertThat(Files.readString(dir.resolve("break-glass.kubeconfig"))).contains("client-key-data");
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void theAdminsGroupIsBoundToClusterAdminWithTheBreakGlassCredentialStreamedNotPlaced(String line) throws Exception {
    ClusterFacts facts = facts(line);
    Plan plan = write(facts);
    Step bind = plan.steps().stream().filter(s -> s.id().equals("bind-cluster-admins")).findFirst().orElseThrow();
    Action.Run streamed = bind.apply().stream().filter(Action.Run.class::isInstance).map(Action.Run.class::cast)
        .filter(r -> r.stdin() != null).findFirst().orElseThrow();
    assertThat(streamed.stdin()).isEqualTo("break-glass.kubeconfig");
    assertThat(streamed.command()).contains("trap 'rm -rf", "umask 077");
    int bindAt = plan.steps().indexOf(bind);
    assertThat(plan.steps().stream().filter(s -> s.id().equals("label-nodes") || s.id().equals("apply-addons"))
        .mapToInt(plan.steps()::indexOf)).allMatch(i -> i > bindAt);
    String binding = Files.readString(hostFile(facts, "/etc/kubernetes/cluster-admins-rbac.yaml"));
    assertThat(binding).contains("kind: ClusterRoleBinding", "name: cluster-admin", "kind: Group",
        "name: " + CertificateCatalogue.CLUSTER_ADMINS_GROUP);
    String kubeletRbac = Files.readString(hostFile(facts, "/etc/kubernetes/addons/apiserver-to-kubelet-rbac.yaml"));
    assertThat(kubeletRbac).contains("name: system:kubelet-api-admin", "kind: User",
        "name: " + CertificateCatalogue.APISERVER_KUBELET_CLIENT_USER);
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void theMetricsApiserviceVerifiesMetricsServerWithTheClusterCa(String line) throws Exception {
    ClusterFacts facts = facts(line);
    write(facts);
    String tls = Files.readString(hostFile(facts, "/etc/kubernetes/addons/metrics-server-tls.yaml"));
    String ca = Files.readString(dir.resolve("pki/ca.pem"));
    assertThat(tls).contains("kind: APIService", "caBundle: " + Base64.getEncoder().encodeToString(ca.getBytes(StandardCharsets.UTF_8)))
        .doesNotContain("insecureSkipTLSVerify");
    assertThat(request(facts, PkiNames.METRICS_SERVER).subjectAltNames())
        .contains("metrics-server.kube-system.svc", "metrics-server.kube-system.svc.cluster.local");
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void everyCertificateAndKeyIsPlacedReadableByRootOnly(String line) throws Exception {
    Plan plan = write(facts(line));
    // CIS 1.1.20 (certificates), 1.1.21 (keys), 4.1.7 (the CA file): 600 or tighter, on Linux and Windows alike
    List<Action.PutFile> pki = plan.steps().stream().flatMap(s -> s.apply().stream())
        .filter(Action.PutFile.class::isInstance).map(Action.PutFile.class::cast)
        .filter(p -> p.source().startsWith("pki/")).toList();
    assertThat(pki).hasSizeGreaterThan(40).allSatisfy(p -> assertThat(p.mode() & 0077).as(p.path()).isZero());
    assertThat(pki).anySatisfy(p -> assertThat(p.path()).isEqualTo("/etc/kubernetes/ssl/ca.pem"));
    assertThat(pki).anySatisfy(p -> assertThat(p.path()).startsWith("C:"));
  }

  /** The example on {@code line}, with P-256 keys: the same catalogue and placements, issued in a fraction of RSA's time. */
  private static ClusterFacts facts(String line) {
    return ClusterFacts.of(Specs.example(y -> (line.equals("1.14") ? y : Specs.onCurrentLine(y))
        .replace("keyAlgorithm: rsa-2048", "keyAlgorithm: ecdsa-p256")));
  }

  private Plan write(ClusterFacts facts) throws Exception {
    String line = facts.version().toString();
    dir = WRITTEN.computeIfAbsent(line, l -> root.resolve(l));
    if (!PLANS.containsKey(line)) {
      ClusterPki.ensure(facts, dir.resolve("pki"), Clock.systemUTC());
      PLANS.put(line, PlanBuilder.write(facts, dir));
    }
    return PLANS.get(line);
  }

  private Path hostFile(ClusterFacts facts, String path) {
    return dir.resolve("hosts/" + facts.firstMaster().name() + path);
  }

  private static CertificateRequest request(ClusterFacts facts, String name) {
    return CertificateCatalogue.of(facts).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }
}

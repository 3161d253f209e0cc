package dev.kubeyard.engine.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.bundle.BundleApiserver;
import dev.kubeyard.engine.render.RenderContext;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.engine.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pod Security Admission on the bundle's real kube-apiserver, started with the rendered flags and
 * AdmissionConfiguration (ADR 35): every platform manifest applies without a PodSecurity warning, the pod
 * each workload's controller would create is admitted in its namespace with no warning (server-side dry
 * run), and an app namespace without labels refuses a privileged pod (enforce baseline), admits a
 * restricted one silently and a root one with a restricted warning.
 */
@Tag(BundleApiserver.TAG)
class PodSecurityOnTheBundleApiserverTest {
  private static final int SUBNET = 88;
  private static final String SPEC = PlatformManifests.spec("podsecurity", "1.35.8", SUBNET);
  /** An app namespace of the user's: no labels, so the cluster defaults apply. */
  private static final String APP = "shop";

  @TempDir
  static Path tmp;
  private static BundleApiserver api;
  private static final List<String> applyOutput = new ArrayList<>();
  private static final List<ObjectNode> platformPods = new ArrayList<>();

  @BeforeAll
  static void startTheApiserverAndApplyThePlatform() throws Exception {
    api = BundleApiserver.start(tmp.resolve("api"), "psa", PlatformManifests.master(SUBNET), SPEC);
    RenderContext ctx = new RenderContext(api.facts(), Specs.TEST_SECRETS);
    Path addons = PlatformManifests.write(tmp.resolve("addons"), PlatformManifests.addons(ctx));
    Path es = PlatformManifests.write(tmp.resolve("elasticsearch"), PlatformManifests.elasticsearch(api.facts()));
    Path gateway = PlatformManifests.write(tmp.resolve("gateway"), PlatformManifests.gateway(api.facts()));
    // CRDs first, as apply-addons does: kubectl maps every object of one apply before creating any
    for (String crds : List.of("ingress-crds.yaml", "metallb-crds.yaml")) {
      applyOutput.add(api.kubectlOk("apply", "-f", addons.resolve(crds).toString()).output());
      api.kubectlOk("wait", "--for", "condition=established", "--timeout=60s", "crd", "--all");
    }
    applyOutput.add(api.kubectlOk("apply", "-f", addons.toString()).output());
    for (Path dir : List.of(es, gateway)) {
      try (var files = Files.list(dir)) {
        for (Path f : files.sorted(PodSecurityOnTheBundleApiserverTest::namespaceFirst).toList()) {
          applyOutput.add(api.kubectlOk("apply", "-f", f.toString()).output());
        }
      }
    }
    api.kubectlOk("create", "namespace", APP);
    // No controller-manager here: the service accounts its token controller would create come by hand.
    for (String ns : PlatformManifests.defaultAccountNamespaces(api.facts(), APP)) {
      api.kubectlOk("create", "serviceaccount", "default", "-n", ns);
    }
    for (Map<String, String> manifests : List.of(PlatformManifests.addons(ctx), PlatformManifests.elasticsearch(
        api.facts()), PlatformManifests.gateway(api.facts()))) {
      manifests.values().forEach(yaml -> platformPods.addAll(PlatformManifests.pods(yaml)));
    }
  }

  @AfterAll
  static void stopTheApiserver() throws Exception {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void everyPlatformManifestAppliesWithoutAPodSecurityWarning() {
    assertThat(applyOutput).isNotEmpty().noneSatisfy(out -> assertThat(out).containsIgnoringCase("PodSecurity"));
    assertThat(api.kubectlOk("get", "namespace", "kube-system", "-o",
        "jsonpath={.metadata.labels.pod-security\\.kubernetes\\.io/enforce}").output()).isEqualTo("restricted");
  }

  @Test
  void thePodOfEveryPlatformWorkloadIsAdmittedInItsNamespaceWithoutAWarning() throws Exception {
    List<String> admitted = new ArrayList<>();
    for (ObjectNode pod : platformPods) {
      String where = pod.path("metadata").path("namespace").asText() + "/" + pod.path("metadata").path("name").asText();
      Proc.Result r = dryRun(pod, where.replace('/', '-'));
      assertThat(r.exit()).as("%s: %s", where, r.output()).isZero();
      assertThat(r.output()).as(where).doesNotContainIgnoringCase("warning");
      admitted.add(where);
    }
    assertThat(admitted).containsExactlyInAnyOrder("kube-flannel/kube-flannel-ds", "kube-system/coredns",
        "kube-system/metrics-server", "kubeyard-ingress/traefik", "metallb-system/controller", "metallb-system/speaker",
        "elastic/elasticsearch-master", "elastic/elasticsearch-data", "elastic/elasticsearch-ingest",
        "platform/platform-gateway");
  }

  @Test
  void aPrivilegedPodInAnAppNamespaceIsRefusedNamingPodSecurityBaseline() throws Exception {
    Proc.Result r = dryRun(TestPods.privileged(APP, "default"), "privileged");
    assertThat(r.exit()).as(r.output()).isNotZero();
    assertThat(r.output()).contains("Forbidden", "violates PodSecurity \"baseline:latest\"", "privileged",
        "hostNetwork");
  }

  @Test
  void aRestrictedPodInAnAppNamespaceIsAdmittedWithoutAWarning() throws Exception {
    Proc.Result r = dryRun(TestPods.restricted(APP), "restricted");
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output().strip()).isEqualTo("pod/restricted");
  }

  @Test
  void aRootPodInAnAppNamespaceIsAdmittedAtBaselineWithARestrictedWarning() throws Exception {
    Proc.Result r = dryRun(TestPods.root(APP), "root");
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("Warning: would violate PodSecurity \"restricted:latest\"", "runAsNonRoot");
  }

  private static Proc.Result dryRun(ObjectNode pod, String file) throws Exception {
    Path json = Files.createDirectories(tmp.resolve("pods")).resolve(file + ".json");
    Files.writeString(json, pod.toPrettyString());
    return api.kubectl("create", "--dry-run=server", "-o", "name", "-f", json.toString());
  }

  private static int namespaceFirst(Path a, Path b) {
    boolean na = a.getFileName().toString().equals("namespace.yaml");
    boolean nb = b.getFileName().toString().equals("namespace.yaml");
    return na != nb ? (na ? -1 : 1) : a.compareTo(b);
  }
}

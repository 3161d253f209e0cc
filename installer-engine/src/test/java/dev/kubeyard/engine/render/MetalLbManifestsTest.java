package dev.kubeyard.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.PlanText;
import dev.kubeyard.engine.testing.ExamplePlans;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.spec.ClusterSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** MetalLB's manifests carry the spec's pool, run the bundle's images, and speak only from Linux workers. */
class MetalLbManifestsTest {
  private static final ObjectMapper YAML = new YAMLMapper();

  private static RenderedFile file(RenderContext ctx, String path) {
    return ClusterRenderer.render(ctx).stream().filter(f -> f.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + path));
  }

  private static JsonNode object(RenderContext ctx, String path, String kind) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    YAML.readerFor(JsonNode.class).readValues(file(ctx, path).content()).forEachRemaining(n -> out.add((JsonNode) n));
    return out.stream().filter(o -> o.path("kind").asText().equals(kind)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in " + path));
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static ClusterSpec twoRanges() {
    return Specs.example(y -> y.replace("version: 1.14.10", "version: 1.35.0").replace("  # hostSubnet:", "  hostSubnet:")
        .replace("  # loadBalancerAddresses:", "  loadBalancerAddresses: [192.168.1.200-192.168.1.220, 192.168.1.224/28]"));
  }

  @Test
  void thePoolHoldsExactlyTheSpecsAddressesAndIsAdvertisedInLayer2() throws IOException {
    RenderContext ctx = Specs.context(twoRanges());
    String pool = MetalLbFiles.POOL_DIR + "/address-pool.yaml";

    assertThat(texts(object(ctx, pool, "IPAddressPool").at("/spec/addresses")))
        .containsExactlyElementsOf(ctx.facts().loadBalancerAddresses())
        .containsExactly("192.168.1.200-192.168.1.220", "192.168.1.224/28");
    assertThat(texts(object(ctx, pool, "L2Advertisement").at("/spec/ipAddressPools"))).containsExactly(MetalLbFiles.POOL);
  }

  @Test
  void theSpeakersRunOnTheLinuxWorkersHostNetworkWithOnlyNetRaw() throws IOException {
    JsonNode speaker = object(Specs.context(Specs.current()), HostPaths.ADDONS + "/metallb.yaml", "DaemonSet");
    JsonNode pod = speaker.at("/spec/template/spec");

    assertThat(pod.path("nodeSelector").path("kubernetes.io/os").asText()).isEqualTo("linux");
    assertThat(pod.path("nodeSelector").has(NodeRoles.WORKER_LABEL)).isTrue();
    assertThat(pod.path("tolerations").isMissingNode()).as("no toleration of the masters' taint").isTrue();
    assertThat(pod.path("hostNetwork").asBoolean()).isTrue();
    JsonNode security = pod.at("/containers/0/securityContext");
    assertThat(texts(security.at("/capabilities/drop"))).containsExactly("ALL");
    assertThat(texts(security.at("/capabilities/add"))).containsExactly("NET_RAW");
    assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(security.path("allowPrivilegeEscalation").asBoolean()).isFalse();
  }

  @Test
  void theControllerRunsWithoutWebhookAsNonRoot() throws IOException {
    JsonNode pod = object(Specs.context(Specs.current()), HostPaths.ADDONS + "/metallb.yaml", "Deployment")
        .at("/spec/template/spec");

    assertThat(texts(pod.at("/containers/0/args"))).contains("--webhook-mode=disabled", "--disable-cert-rotation=true");
    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("nodeSelector").has(NodeRoles.WORKER_LABEL)).isTrue();
    assertThat(file(Specs.context(Specs.current()), HostPaths.ADDONS + "/metallb-crds.yaml").content())
        .doesNotContain("strategy: Webhook").doesNotContain("ValidatingWebhookConfiguration");
  }

  @Test
  void theSpeakersPlainHttpMetricsListenOnLoopbackOnlyWhereTheProbesAsk() throws IOException {
    JsonNode container = object(Specs.context(Specs.current()), HostPaths.ADDONS + "/metallb.yaml", "DaemonSet")
        .at("/spec/template/spec/containers/0");

    assertThat(texts(container.path("args"))).contains("--host=127.0.0.1", "--port=" + ComponentPorts.METALLB_METRICS);
    assertThat(container.toString()).doesNotContain("status.hostIP");
    assertThat(container.at("/readinessProbe/httpGet/host").asText()).isEqualTo("127.0.0.1");
    assertThat(container.at("/livenessProbe/httpGet/host").asText()).isEqualTo("127.0.0.1");
  }

  @Test
  void theWorkloadsRunTheContextsImages() throws IOException {
    RenderContext ctx = Specs.context(Specs.current());
    AddonImages d = ctx.images();
    RenderContext mine = ctx.withImages(new AddonImages(d.pause(), d.flannel(), d.coredns(), d.metricsServer(), d.traefik(),
        "site.example/metallb-controller:9", "site.example/metallb-speaker:9", d.kubeRouter()));
    String manifest = HostPaths.ADDONS + "/metallb.yaml";

    assertThat(object(mine, manifest, "Deployment").at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("site.example/metallb-controller:9");
    assertThat(object(mine, manifest, "DaemonSet").at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("site.example/metallb-speaker:9");
    assertThat(object(ctx, manifest, "DaemonSet").at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo("kubeyard.local/metallb-speaker:0.15.2");
  }

  @Test
  void theMemberlistKeyIsOnlyInASecretFileReadableByRoot() throws IOException {
    RenderContext ctx = Specs.context(Specs.current());
    String key = ctx.secrets().memberlistKeyBase64();
    RenderedFile secret = file(ctx, HostPaths.ADDONS + "/metallb-memberlist.yaml");

    assertThat(secret.secret()).isTrue();
    assertThat(secret.mode()).isEqualTo(0600);
    assertThat(object(ctx, secret.path(), "Secret").at("/stringData/secretkey").asText()).isEqualTo(key);
    assertThat(ClusterRenderer.render(ctx).stream().filter(f -> f.content().contains(key)))
        .containsExactly(secret);
    assertThat(ctx.secrets().toString()).doesNotContain(key);
  }

  @Test
  void withoutAddressesNoMetalLbIsRenderedImportedOrAwaited() {
    ClusterSpec plain = Specs.example(y -> y.replace("version: 1.14.10", "version: 1.35.0"));
    RenderContext ctx = Specs.context(plain);

    assertThat(ClusterRenderer.render(ctx)).noneMatch(f -> f.path().contains("metallb"));
    assertThat(AddonFiles.workloads(ctx.facts())).noneMatch(w -> w.namespace().equals(MetalLbFiles.NAMESPACE));
    Plan plan = ExamplePlans.plan(plain, ExamplePlans.bundle(plain.kubernetes().version()));
    assertThat(PlanText.format(plan)).doesNotContain("metallb");
  }

  @Test
  void withAddressesTheInstallWaitsForTheControllerAndTheSpeakers() {
    ClusterFacts facts = ClusterFacts.of(Specs.current());

    assertThat(AddonFiles.workloads(facts)).contains(
        new AddonFiles.Workload(MetalLbFiles.NAMESPACE, "deployment/controller"),
        new AddonFiles.Workload(MetalLbFiles.NAMESPACE, "daemonset/speaker"));
  }
}

package dev.kubeyard.engine.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kubeyard.engine.bundle.BundleRequirements;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.render.AddonFiles;
import dev.kubeyard.engine.render.ClusterRenderer;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.engine.render.RenderedFile;
import dev.kubeyard.engine.testing.Golden;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.model.spec.ClusterSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** kube-router's policy controller as an addon (ADR 39): only when asked for, and with no more than it needs. */
class KubeRouterAddonTest {
  private static final String FILE = HostPaths.ADDONS + "/kube-router.yaml";
  private static final YAMLMapper YAML = new YAMLMapper();

  private static Optional<RenderedFile> addon(ClusterSpec spec) {
    return ClusterRenderer.render(Specs.context(spec)).stream().filter(f -> f.path().equals(FILE)).findFirst();
  }

  private static List<JsonNode> objects(String line) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    YAML.readerFor(JsonNode.class).readValues(addon(AppNamespacePolicies.spec(line)).orElseThrow().content())
        .forEachRemaining(n -> out.add((JsonNode) n));
    return out;
  }

  private static JsonNode kind(List<JsonNode> objects, String kind) {
    return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).findFirst().orElseThrow();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void withoutTheSwitchNeitherTheAddonNorItsImageIsThere() {
    assertThat(addon(Specs.current())).isEmpty();
    assertThat(addon(Specs.legacy())).isEmpty();
    assertThat(BundleRequirements.of(Specs.current()).images()).doesNotContain(BundleRequirements.KUBE_ROUTER_IMAGE);
    assertThat(BundleRequirements.of(AppNamespacePolicies.spec("1.35")).images())
        .contains(BundleRequirements.KUBE_ROUTER_IMAGE);
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void itMatchesItsGoldenCopy(String line) {
    Golden.assertMatches("netpol/" + line + "/kube-router.yaml",
        addon(AppNamespacePolicies.spec(line)).orElseThrow().content());
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void everyLinuxNodeRunsItOnTheHostNetworkWithNetAdminAndNetRawOnly(String line) throws IOException {
    List<JsonNode> objects = objects(line);
    JsonNode ds = kind(objects, "DaemonSet");
    String namespace = line.equals("1.14") ? "kube-system" : "kube-flannel";
    assertThat(ds.at("/metadata/namespace").asText()).isEqualTo(namespace);
    assertThat(ds.path("apiVersion").asText()).isEqualTo("apps/v1"); // served from 1.9, so by 1.14 too
    JsonNode pod = ds.at("/spec/template/spec");
    assertThat(pod.path("hostNetwork").asBoolean()).isTrue();
    assertThat(pod.at("/nodeSelector/kubernetes.io~1os").asText()).isEqualTo("linux");
    assertThat(pod.path("tolerations")).hasToString("[{\"operator\":\"Exists\"}]"); // flannel's
    JsonNode security = pod.at("/containers/0/securityContext");
    assertThat(security.path("privileged").asBoolean()).isFalse();
    assertThat(security.path("allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(texts(security.at("/capabilities/drop"))).containsExactly("ALL");
    assertThat(texts(security.at("/capabilities/add"))).containsExactlyInAnyOrder("NET_ADMIN", "NET_RAW");
    assertThat(texts(pod.at("/containers/0/args"))).contains("--run-router=false", "--run-service-proxy=false",
        "--service-cluster-ip-range=" + ClusterFacts.of(AppNamespacePolicies.spec(line)).serviceCidr());
    assertThat(pod.path("serviceAccountName").asText()).isEqualTo("kube-router");
    assertThat(AddonFiles.workloads(ClusterFacts.of(AppNamespacePolicies.spec(line))))
        .contains(new AddonFiles.Workload(namespace, "daemonset/kube-router"));
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void itsServiceAccountMayOnlyReadWhatThePolicyControllerWatches(String line) throws IOException {
    List<JsonNode> objects = objects(line);
    JsonNode role = kind(objects, "ClusterRole");
    for (JsonNode rule : role.path("rules")) {
      assertThat(texts(rule.path("verbs"))).isSubsetOf("get", "list", "watch");
      assertThat(texts(rule.path("resources"))).isSubsetOf("pods", "namespaces", "networkpolicies", "nodes");
    }
    assertThat(role.path("rules").toString()).doesNotContain("*", "secrets", "create", "update", "patch", "delete");
    JsonNode binding = kind(objects, "ClusterRoleBinding");
    assertThat(binding.at("/subjects/0/name").asText()).isEqualTo("kube-router");
    assertThat(binding.at("/roleRef/name").asText()).isEqualTo(role.at("/metadata/name").asText());
  }
}

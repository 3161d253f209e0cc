package dev.kubeyard.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.plan.PlanBuilder;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.podsecurity.PlatformManifests;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.model.spec.ClusterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Pod security asserted on what is rendered, per line (ADR 35), written out here so that regenerated
 * golden files cannot weaken it: the apiserver's admission plugins and configuration, the policies on
 * 1.14, each platform namespace's level and the fit of every platform pod to it.
 */
class PodSecurityInvariantTest {
  private static final String CONFIG = "/etc/kubernetes/admission-config.yaml";

  @Test
  void theCurrentLinesApiserversRunPodSecurityWithTheRenderedDefaultsAndNoExemptions() {
    List<RenderedFile> files = ClusterRenderer.render(Specs.context(Specs.current()));
    List<RenderedFile> units = only(files, "/etc/systemd/system/kube-apiserver.service");
    assertThat(units).as("one per master of the example").hasSize(3).allSatisfy(u -> assertThat(u.content())
        .contains("--enable-admission-plugins=NodeRestriction,PodSecurity \\",
            "--admission-control-config-file=" + CONFIG + " \\")
        .doesNotContain("PodSecurityPolicy"));
    List<RenderedFile> configs = only(files, CONFIG);
    assertThat(configs).extracting(RenderedFile::host).containsExactlyElementsOf(units.stream().map(RenderedFile::host)
        .toList());
    ObjectNode config = PlatformManifests.objects(configs.get(0).content()).get(0);
    assertThat(config.path("kind").asText()).isEqualTo("AdmissionConfiguration");
    JsonNode plugin = config.path("plugins").get(0);
    assertThat(plugin.path("name").asText()).isEqualTo("PodSecurity");
    JsonNode defaults = plugin.path("configuration").path("defaults");
    assertThat(Map.of("enforce", defaults.path("enforce").asText(), "warn", defaults.path("warn").asText(),
        "audit", defaults.path("audit").asText()))
        .isEqualTo(Map.of("enforce", "baseline", "warn", "restricted", "audit", "restricted"));
    JsonNode exemptions = plugin.path("configuration").path("exemptions");
    assertThat(List.of(exemptions.path("usernames").size(), exemptions.path("runtimeClasses").size(),
        exemptions.path("namespaces").size())).containsOnly(0);
  }

  @Test
  void the114ApiserversRunPodSecurityPolicyAndTheAddonsBringThreePoliciesUsableByEveryServiceAccount() {
    List<RenderedFile> files = ClusterRenderer.render(Specs.context(Specs.legacy()));
    assertThat(only(files, "/etc/systemd/system/kube-apiserver.service")).hasSize(3).allSatisfy(u -> assertThat(u.content())
        .contains("--enable-admission-plugins=NodeRestriction,PodSecurityPolicy \\")
        .doesNotContain("--admission-control-config-file", "PodSecurity \\"));
    assertThat(only(files, CONFIG)).isEmpty();
    List<ObjectNode> objects = PlatformManifests.objects(only(files, HostPaths.ADDONS + "/"
        + AddonFiles.POD_SECURITY_POLICIES).get(0).content());
    assertThat(names(objects, "PodSecurityPolicy"))
        .containsExactly("kubeyard-0-restricted", "kubeyard-1-baseline", "kubeyard-2-privileged");
    ObjectNode restricted = objects.get(0);
    assertThat(restricted.path("spec").path("privileged").asBoolean()).isFalse();
    assertThat(restricted.path("spec").path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(restricted.path("spec").path("requiredDropCapabilities").toString()).isEqualTo("[\"ALL\"]");
    assertThat(restricted.path("spec").path("runAsUser").path("rule").asText()).isEqualTo("MustRunAsNonRoot");
    assertThat(restricted.path("spec").path("volumes").toString()).doesNotContain("hostPath", "*");
    ObjectNode baseline = objects.get(1);
    assertThat(baseline.path("spec").path("hostNetwork").asBoolean()).isFalse();
    assertThat(baseline.path("spec").path("privileged").asBoolean()).isFalse();
    assertThat(baseline.path("spec").path("volumes").toString()).doesNotContain("hostPath", "*");
    assertThat(baseline.path("spec").path("allowedCapabilities").toString()).doesNotContain("NET_ADMIN", "NET_RAW",
        "SYS_ADMIN", "*");
    // every pod may be restricted or baseline, only the node agents' service accounts privileged (flannel,
    // kube-router's policy controller of ADR 39)
    for (ObjectNode o : objects) {
      if (o.path("kind").asText().equals("ClusterRoleBinding")) {
        assertThat(o.path("roleRef").path("name").asText()).isIn("kubeyard:psp:restricted", "kubeyard:psp:baseline");
        assertThat(o.path("subjects").findValuesAsText("name")).containsExactly("system:serviceaccounts",
            "system:authenticated");
      }
    }
    ObjectNode privileged = objects.stream().filter(o -> o.path("kind").asText().equals("RoleBinding")).findFirst()
        .orElseThrow();
    assertThat(privileged.path("metadata").path("namespace").asText()).isEqualTo("kube-system");
    assertThat(privileged.path("subjects").toString()).isEqualTo(
        "[{\"kind\":\"ServiceAccount\",\"name\":\"flannel\",\"namespace\":\"kube-system\"},"
        + "{\"kind\":\"ServiceAccount\",\"name\":\"kube-router\",\"namespace\":\"kube-system\"}]");
  }

  @Test
  void everyNamespaceThePlatformCreatesOnTheCurrentLineCarriesTheLevelItsWorkloadsNeed() {
    Map<String, String> levels = new TreeMap<>();
    for (String yaml : manifests(Specs.current())) {
      for (ObjectNode o : PlatformManifests.objects(yaml)) {
        if (o.path("kind").asText().equals("Namespace")) {
          JsonNode labels = o.path("metadata").path("labels");
          String enforce = labels.path("pod-security.kubernetes.io/enforce").asText("(none)");
          assertThat(List.of(labels.path("pod-security.kubernetes.io/warn").asText(),
              labels.path("pod-security.kubernetes.io/audit").asText())).containsOnly(enforce);
          levels.put(o.path("metadata").path("name").asText(), enforce);
        }
      }
    }
    assertThat(levels).isEqualTo(new TreeMap<>(Map.of("kube-system", "restricted", "kube-flannel", "privileged",
        "metallb-system", "privileged", "kubeyard-ingress", "restricted", "elastic", "restricted",
        "platform", "restricted")));
  }

  @Test
  void everyPlatformPodOutsideTheFlannelAndMetallbNamespacesFitsTheRestrictedStandardOnBothLines() {
    for (ClusterSpec spec : List.of(Specs.current(), Specs.legacy())) {
      boolean current = spec.kubernetes().version().startsWith("1.35");
      List<String> checked = new ArrayList<>();
      for (String yaml : manifests(spec)) {
        for (ObjectNode pod : PlatformManifests.pods(yaml)) {
          String ns = pod.path("metadata").path("namespace").asText();
          if (List.of("kube-flannel", "metallb-system").contains(ns) || pod.path("spec").path("hostNetwork").asBoolean()) {
            continue;
          }
          JsonNode spec1 = pod.path("spec");
          String where = ns + "/" + pod.path("metadata").path("name").asText();
          assertThat(spec1.path("securityContext").path("runAsNonRoot").asBoolean()).as(where).isTrue();
          if (current) {
            assertThat(spec1.path("securityContext").path("seccompProfile").path("type").asText()).as(where)
                .isEqualTo("RuntimeDefault");
          } else {
            assertThat(pod.path("metadata").path("annotations").path("seccomp.security.alpha.kubernetes.io/pod")
                .asText()).as(where).isEqualTo("runtime/default");
          }
          for (JsonNode c : spec1.path("containers")) {
            assertThat(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).as(where).isFalse();
            assertThat(c.path("securityContext").path("capabilities").path("drop").toString()).as(where)
                .isEqualTo("[\"ALL\"]");
            assertThat(c.path("securityContext").path("capabilities").has("add")).as(where).isFalse();
          }
          checked.add(where);
        }
      }
      assertThat(checked).as(spec.kubernetes().version()).contains("kube-system/coredns", "kube-system/metrics-server",
          "kubeyard-ingress/traefik", "elastic/elasticsearch-master", "elastic/elasticsearch-data", "platform/platform-gateway");
    }
  }

  @Test
  void theControlPlaneStepPutsTheAdmissionConfigurationTheApiserverNames() {
    ClusterFacts facts = ClusterFacts.of(Specs.current());
    Step start = PlanBuilder.preview(facts).steps().stream()
        .filter(s -> s.id().equals("start-control-plane") && s.host().equals(facts.firstMaster().name()))
        .findFirst().orElseThrow();
    assertThat(start.files()).anySatisfy(p -> assertThat(p.path()).isEqualTo(CONFIG));
  }

  private static List<String> manifests(ClusterSpec spec) {
    RenderContext ctx = Specs.context(spec);
    List<String> out = new ArrayList<>(PlatformManifests.addons(ctx).values());
    out.addAll(PlatformManifests.elasticsearch(ctx.facts()).values());
    out.addAll(PlatformManifests.gateway(ctx.facts()).values());
    return out;
  }

  private static List<RenderedFile> only(List<RenderedFile> files, String path) {
    return files.stream().filter(f -> f.path().equals(path)).toList();
  }

  private static List<String> names(List<ObjectNode> objects, String kind) {
    return objects.stream().filter(o -> o.path("kind").asText().equals(kind))
        .map(o -> o.path("metadata").path("name").asText()).toList();
  }
}

package dev.kubeyard.engine.apps.elasticsearch.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the manifests must say on each line and version, checked on the trees themselves. */
class ElasticsearchManifestsTest {

  static JsonNode sts(ElasticsearchDeployment d, String role, boolean bootstrap) {
    return ElasticsearchManifests.render(d, bootstrap).stream().filter(m -> m.file().equals(role + "-statefulset.yaml"))
        .findFirst().orElseThrow().object();
  }

  static List<String> env(JsonNode sts) {
    List<String> out = new ArrayList<>();
    sts.at("/spec/template/spec/containers/0/env").forEach(e -> out.add(e.path("name").asText() + "="
        + e.path("value").asText()));
    return out;
  }

  @Test
  void oneOnDeleteStatefulSetPerRoleWithTheSpecsCountsAndAClaimTemplate() {
    ElasticsearchDeployment d = ElasticsearchManifestsGoldenTest.deployment("1.35");
    List<Manifest> sets = ElasticsearchManifests.statefulSets(d);
    assertThat(sets).extracting(Manifest::name)
        .containsExactly("elasticsearch-master", "elasticsearch-data", "elasticsearch-ingest");
    assertThat(sets).extracting(m -> m.object().at("/spec/replicas").asInt()).containsExactly(3, 2, 2);
    assertThat(sets).allSatisfy(m -> {
      assertThat(m.object().at("/spec/updateStrategy/type").asText()).isEqualTo("OnDelete");
      assertThat(m.object().at("/spec/volumeClaimTemplates/0/metadata/name").asText()).isEqualTo("data");
    });
  }

  @Test
  void disruptionBudgetsUsePolicyV1beta1On114AndPolicyV1OnTheCurrentLine() {
    assertThat(ElasticsearchManifests.render(ElasticsearchManifestsGoldenTest.deployment("1.14"), false))
        .filteredOn(m -> m.kind().equals("PodDisruptionBudget")).extracting(Manifest::apiVersion)
        .containsOnly("policy/v1beta1").hasSize(3);
    assertThat(ElasticsearchManifests.render(ElasticsearchManifestsGoldenTest.deployment("1.35"), false))
        .filteredOn(m -> m.kind().equals("PodDisruptionBudget")).extracting(Manifest::apiVersion)
        .containsOnly("policy/v1").hasSize(3);
  }

  @Test
  void initialMasterNodesAppearOnlyWhenANewSevenXClusterBootstraps() {
    ElasticsearchDeployment d = ElasticsearchManifestsGoldenTest.deployment("1.35");
    assertThat(env(sts(d, "master", true))).contains(
        "cluster.initial_master_nodes=elasticsearch-master-0,elasticsearch-master-1,elasticsearch-master-2",
        "discovery.seed_hosts=elasticsearch-discovery");
    assertThat(env(sts(d, "master", false))).noneMatch(e -> e.startsWith("cluster.initial_master_nodes"));
    assertThat(env(sts(d, "data", true))).noneMatch(e -> e.startsWith("cluster.initial_master_nodes"));
  }

  @Test
  void sixEightUsesZen1DiscoveryWithAMajorityOfMastersAndRoleBooleans() {
    ElasticsearchDeployment d = ElasticsearchManifestsGoldenTest.deployment("1.14").withVersion(EsVersion.of("6.8.23"));
    assertThat(env(sts(d, "master", true))).contains("discovery.zen.minimum_master_nodes=2",
        "discovery.zen.ping.unicast.hosts=elasticsearch-discovery", "node.master=true", "node.data=false")
        .noneMatch(e -> e.startsWith("discovery.seed_hosts") || e.startsWith("cluster.initial_master_nodes")
            || e.startsWith("node.roles"));
  }

  @Test
  void heapChangesTheRevisionButTheVersionDoesNot() {
    ElasticsearchDeployment d = ElasticsearchManifestsGoldenTest.deployment("1.35");
    assertThat(d.withHeap("2g").revision().id()).isNotEqualTo(d.revision().id());
    assertThat(d.withVersion(EsVersion.of("8.19.0")).revision().id()).isEqualTo(d.revision().id());
    JsonNode master = sts(d.withHeap("2g"), "master", false);
    assertThat(env(master)).contains("ES_JAVA_OPTS=-Xms2g -Xmx2g");
    assertThat(master.at("/spec/template/spec/containers/0/resources/requests/memory").asText()).isEqualTo("4Gi");
    assertThat(master.at("/spec/template/metadata/labels").path(Labels.REVISION).asText())
        .isEqualTo(d.withHeap("2g").revision().id());
  }

  @Test
  void podsNeedNoPrivilegedInitContainerAndLandOnLinuxWithTheLinesOsLabel() {
    JsonNode legacy = sts(ElasticsearchManifestsGoldenTest.deployment("1.14"), "data", false);
    JsonNode current = sts(ElasticsearchManifestsGoldenTest.deployment("1.35"), "data", false);
    // vm.max_map_count comes from the hosts' sysctl.d (ADR 13); no image an air-gapped node lacks
    assertThat(legacy.at("/spec/template/spec/initContainers").isMissingNode()).isTrue();
    assertThat(current.at("/spec/template/spec/initContainers").isMissingNode()).isTrue();
    assertThat(legacy.at("/spec/template/spec/nodeSelector").has("beta.kubernetes.io/os")).isTrue();
    assertThat(current.at("/spec/template/spec/nodeSelector").has("kubernetes.io/os")).isTrue();
    assertThat(legacy.at("/spec/persistentVolumeClaimRetentionPolicy").isMissingNode()).isTrue();
  }

  @Test
  void theSpecsImageRepositoryIsTaggedWithTheVersion() {
    ElasticsearchDeployment d = ElasticsearchManifestsGoldenTest.deployment("1.35");
    assertThat(sts(d, "data", false).at("/spec/template/spec/containers/0/image").asText())
        .isEqualTo(ElasticsearchDeployment.IMAGE + ":" + d.version());
    ElasticsearchDeployment lab = new ElasticsearchDeployment(d.clusterName(), d.namespace(), d.kubernetes(),
        d.version(), d.heap(), d.masters(), d.data(), d.ingest(), d.storageSize(), d.storageClass(),
        "kubeyard.local/elasticsearch", null);
    assertThat(sts(lab.withVersion(EsVersion.of("7.17.28")), "master", false)
        .at("/spec/template/spec/containers/0/image").asText()).isEqualTo("kubeyard.local/elasticsearch:7.17.28");
  }
}

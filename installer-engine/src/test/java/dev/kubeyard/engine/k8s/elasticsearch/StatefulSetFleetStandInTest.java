package dev.kubeyard.engine.k8s.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import dev.kubeyard.engine.apps.elasticsearch.manifest.ElasticsearchDeployment;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsException;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateRefused;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateState;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTarget;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.testing.Specs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes adapter's requests against an apiserver STAND-IN (request and response shapes only;
 * not verified against a real cluster yet: that needs the lab cluster).
 */
class StatefulSetFleetStandInTest {
  static final String STS = "/apis/apps/v1/namespaces/elastic/statefulsets/";
  static final String PODS = "/api/v1/namespaces/elastic/pods/";
  static final String PROXY = "/api/v1/namespaces/elastic/services/elasticsearch:9200/proxy";

  @TempDir
  Path dir;
  ApiServerStandIn apiserver;

  @BeforeEach
  void start() throws Exception {
    apiserver = new ApiServerStandIn();
  }

  @AfterEach
  void stop() {
    apiserver.close();
  }

  StatefulSetFleet fleet(String line) throws Exception {
    ElasticsearchDeployment d = ElasticsearchDeployment.of(ClusterFacts.of(line.equals("1.14") ? Specs.legacy()
        : Specs.current()));
    return new StatefulSetFleet(KubernetesAccess.fromKubeconfig(apiserver.kubeconfig(dir)), d, Duration.ofSeconds(10));
  }

  @Test
  void deployCreatesEveryObjectAtItsLinesApiPathBootstrapsThenDropsInitialMasterNodes() throws Exception {
    apiserver.on("POST", "/", 201, "{}")
        .on("POST", "/api/v1/namespaces/elastic/services", r -> r.body().contains("\"name\":\"elasticsearch\"")
            ? new ApiServerStandIn.Reply(409, "{\"kind\":\"Status\",\"code\":409}") : new ApiServerStandIn.Reply(201, "{}"))
        .on("PATCH", "/", 200, "{}")
        .on("GET", PROXY + "/_cluster/health", 200, "{\"status\":\"green\",\"number_of_nodes\":7}")
        // the masters' pod subnets: where the apiservers' service proxy connects from (ADR 39)
        .on("GET", "/api/v1/nodes", 200, "{\"items\":[{\"spec\":{\"podCIDR\":\"10.244.1.0/24\"}},"
            + "{\"spec\":{\"podCIDR\":\"10.244.0.0/24\"}}]}");
    AtomicInteger masterReads = new AtomicInteger();
    apiserver.on("GET", STS + "elasticsearch-master", r -> masterReads.incrementAndGet() == 1
        ? new ApiServerStandIn.Reply(404, "{}") : new ApiServerStandIn.Reply(200, "{\"metadata\":{\"resourceVersion\":\"42\"}}"));
    List<String> log = new ArrayList<>();

    new ElasticsearchDeployer(fleet("1.14"), log::add, Duration.ofMillis(10)).deploy(Duration.ofSeconds(10), e -> { });

    assertThat(apiserver.requests()).filteredOn(r -> r.path().equals("/api/v1/nodes")).singleElement()
        .satisfies(r -> assertThat(r.query()).contains("labelSelector=node-role.kubernetes.io").contains("master")
            .as("escaped once").doesNotContain("%25"));
    assertThat(apiserver.requests()).filteredOn(r -> r.path().endsWith("/networkpolicies")
            && r.body().contains("elasticsearch-from-apiserver"))
        .singleElement().satisfies(r -> assertThat(r.body()).contains("10.244.0.0/32", "10.244.1.0/32"));
    assertThat(apiserver.lines()).filteredOn(l -> l.startsWith("POST") && !l.endsWith("/networkpolicies")).containsExactly(
        "POST /api/v1/namespaces", "POST /api/v1/namespaces/elastic/services",
        "POST /api/v1/namespaces/elastic/services", "POST /api/v1/namespaces/elastic/persistentvolumeclaims",
        "POST /apis/policy/v1beta1/namespaces/elastic/poddisruptionbudgets",
        "POST /apis/policy/v1beta1/namespaces/elastic/poddisruptionbudgets",
        "POST /apis/policy/v1beta1/namespaces/elastic/poddisruptionbudgets",
        "POST /apis/apps/v1/namespaces/elastic/statefulsets", "POST /apis/apps/v1/namespaces/elastic/statefulsets",
        "POST /apis/apps/v1/namespaces/elastic/statefulsets");
    assertThat(apiserver.requests()).allMatch(r -> "Bearer standin-token".equals(r.authorization()));
    assertThat(apiserver.requests()).filteredOn(r -> r.method().equals("POST") && r.body().contains("elasticsearch-master\""))
        .anyMatch(r -> r.body().contains("cluster.initial_master_nodes"));
    assertThat(apiserver.requests()).filteredOn(r -> r.method().equals("PATCH"))
        .allMatch(r -> r.contentType().startsWith("application/merge-patch+json"))
        .anyMatch(r -> r.path().equals("/api/v1/namespaces/elastic/services/elasticsearch"))
        .anyMatch(r -> r.path().equals(STS + "elasticsearch-master") && r.body().contains("\"template\"")
            && !r.body().contains("cluster.initial_master_nodes"))
        .anyMatch(r -> r.path().equals(STS + "elasticsearch-master") && r.body().contains("\"resourceVersion\":\"42\"")
            && r.body().contains("kubeyard.dev/es-update-state") && r.body().contains("DEPLOY"));
  }

  @Test
  void prepareMergePatchesEveryStatefulSetsTemplateToTheTargetAndRestartsNothing() throws Exception {
    apiserver.on("PATCH", STS, 200, "{}");
    StatefulSetFleet fleet = fleet("1.35");
    ElasticsearchDeployment d = fleet.deployment();

    fleet.prepare(new UpdateTarget(EsVersion.of("8.19.0"), d.revision()));

    assertThat(apiserver.lines()).containsExactly("PATCH " + STS + "elasticsearch-master",
        "PATCH " + STS + "elasticsearch-data", "PATCH " + STS + "elasticsearch-ingest");
    assertThat(apiserver.requests()).allMatch(r -> r.body().contains("elasticsearch:8.19.0")
        && r.body().contains("\"kubeyard.dev/es-version\":\"8.19.0\"") && !r.body().contains("\"replicas\""));
  }

  @Test
  void aRevisionTheSpecCannotRenderIsRefusedBeforeAnyRequest() throws Exception {
    StatefulSetFleet fleet = fleet("1.35");
    UpdateTarget foreign = new UpdateTarget(EsVersion.of("7.17.29"),
        dev.kubeyard.engine.apps.elasticsearch.ConfigRevision.of("1g", java.util.Map.of("cluster.name", "other")));
    assertThatThrownBy(() -> fleet.prepare(foreign)).isInstanceOf(UpdateRefused.class).hasMessageContaining("cannot be rendered");
    assertThat(apiserver.requests()).isEmpty();
  }

  @Test
  void stopDeletesThePodAndWaitsUntilThatPodIsGoneThenStartWaitsForTheTargetPod() throws Exception {
    StatefulSetFleet fleet = fleet("1.35");
    ElasticsearchDeployment d = fleet.deployment();
    AtomicInteger reads = new AtomicInteger();
    String rev = d.revision().id();
    apiserver.on("DELETE", PODS + "elasticsearch-data-1", 200, "{}")
        .on("GET", PODS + "elasticsearch-data-1", r -> switch (reads.incrementAndGet()) {
          case 1, 2 -> new ApiServerStandIn.Reply(200, pod("old", "7.17.28", rev, "Running"));
          case 3 -> new ApiServerStandIn.Reply(404, "{}");
          case 4 -> new ApiServerStandIn.Reply(200, pod("new", "7.17.29", rev, "Pending"));
          default -> new ApiServerStandIn.Reply(200, pod("new", "7.17.29", rev, "Running"));
        });

    fleet.stop("elasticsearch-data-1");
    fleet.start("elasticsearch-data-1", new UpdateTarget(EsVersion.of("7.17.29"), d.revision()));

    assertThat(apiserver.lines()).containsExactly("GET " + PODS + "elasticsearch-data-1",
        "DELETE " + PODS + "elasticsearch-data-1", "GET " + PODS + "elasticsearch-data-1",
        "GET " + PODS + "elasticsearch-data-1", "GET " + PODS + "elasticsearch-data-1",
        "GET " + PODS + "elasticsearch-data-1");
    assertThat(fleet.members()).containsExactly("elasticsearch-master-0", "elasticsearch-master-1",
        "elasticsearch-master-2", "elasticsearch-data-0", "elasticsearch-data-1", "elasticsearch-ingest-0",
        "elasticsearch-ingest-1");
  }

  @Test
  void theUpdateStateIsAnAnnotationOnTheMasterStatefulSetAndAConcurrentWriterIsRefused() throws Exception {
    StatefulSetFleet fleet = fleet("1.35");
    ElasticsearchDeployment d = fleet.deployment();
    UpdateState deployed = UpdateState.deployed("20261125-000000", new UpdateTarget(d.version(), d.revision()),
        fleet.members());
    String stored = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(deployed);
    String annotated = "{\"metadata\":{\"resourceVersion\":\"9\",\"annotations\":{\"kubeyard.dev/es-update-state\":"
        + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(stored) + "}}}";
    apiserver.on("GET", STS + "elasticsearch-master", 200, annotated).on("PATCH", STS, 200, "{}");

    assertThat(fleet.stateStore().load()).contains(deployed);
    fleet.stateStore().save(deployed.withPhase(UpdateState.Phase.CANCELLED));
    assertThat(apiserver.requests().get(apiserver.requests().size() - 1).body())
        .contains("\"resourceVersion\":\"9\"").contains("CANCELLED");

    // the stand-in still holds the old annotation: to this store, someone else wrote it
    assertThatThrownBy(() -> fleet.stateStore().save(deployed)).isInstanceOf(UpdateRefused.class)
        .hasMessageContaining("another Kubeyard");
  }

  @Test
  void aConflictFromAStatusUpdateIsRetriedWithTheNewResourceVersionWhileTheAnnotationIsUnchanged() throws Exception {
    StatefulSetFleet fleet = fleet("1.35");
    ElasticsearchDeployment d = fleet.deployment();
    UpdateState deployed = UpdateState.deployed("20261126-000000", new UpdateTarget(d.version(), d.revision()),
        fleet.members());
    AtomicInteger reads = new AtomicInteger();
    // the controller bumps the resourceVersion between the read and the first patch (as on the lab)
    apiserver.on("GET", STS + "elasticsearch-master", r -> new ApiServerStandIn.Reply(200,
        "{\"metadata\":{\"resourceVersion\":\"" + (10 + reads.incrementAndGet()) + "\"}}"));
    apiserver.on("PATCH", STS + "elasticsearch-master", r -> r.body().contains("\"resourceVersion\":\"11\"")
        ? new ApiServerStandIn.Reply(409, "{\"kind\":\"Status\",\"code\":409}") : new ApiServerStandIn.Reply(200, "{}"));

    fleet.stateStore().save(deployed);

    assertThat(apiserver.requests()).filteredOn(r -> r.method().equals("PATCH")).extracting(r -> r.body())
        .hasSize(2).last().asString().contains("\"resourceVersion\":\"12\"");
  }

  @Test
  void elasticsearchRequestsGoThroughTheApiserversServiceProxy() throws Exception {
    apiserver.on("GET", PROXY + "/_cluster/health", 200, "{\"status\":\"yellow\",\"number_of_nodes\":7,"
        + "\"unassigned_shards\":2}")
        .on("PUT", PROXY + "/_cluster/settings", 200, "{\"acknowledged\":true}");
    StatefulSetFleet fleet = fleet("1.35");

    assertThat(fleet.api().health().yellow()).isTrue();
    fleet.api().setAllocation("primaries");

    assertThat(apiserver.requests()).extracting(ApiServerStandIn.Request::path)
        .containsExactly(PROXY + "/_cluster/health", PROXY + "/_cluster/settings");
    assertThat(apiserver.requests().get(1).body())
        .isEqualTo("{\"persistent\":{\"cluster.routing.allocation.enable\":\"primaries\"}}");
  }

  @Test
  void noEndpointsAndRefusedConnectionsWhileAPodRestartsAreRetriedUntilElasticsearchAnswers() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    apiserver.on("GET", PROXY + "/_cluster/settings", r -> switch (calls.incrementAndGet()) {
      // what the apiserver's proxy answered on the lab while the client Service had no ready pod
      case 1 -> new ApiServerStandIn.Reply(503, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
          + "\"message\":\"no endpoints available for service \\\"elasticsearch:9200\\\"\",\"reason\":"
          + "\"ServiceUnavailable\",\"code\":503}");
      case 2 -> new ApiServerStandIn.Reply(503, "{\"kind\":\"Status\",\"status\":\"Failure\",\"message\":"
          + "\"error trying to reach service: dial tcp 10.244.2.7:9200: connect: connection refused\",\"code\":503}");
      // the 1.14 line's proxy writes the dial error as text
      case 3 -> new ApiServerStandIn.Reply(503, "Error: 'dial tcp 10.244.2.7:9200: connect: connection refused'\n"
          + "Trying to reach: 'http://10.244.2.7:9200/_cluster/settings'");
      case 4 -> new ApiServerStandIn.Reply(503, "{\"error\":{\"type\":\"master_not_discovered_exception\"},\"status\":503}");
      default -> new ApiServerStandIn.Reply(200,
          "{\"persistent\":{\"cluster.routing.allocation.enable\":\"primaries\"}}");
    });

    assertThat(fleet("1.35").api().allocation()).isEqualTo("primaries");
    assertThat(calls).hasValue(5);
  }

  @Test
  void aServiceWithNoReadyPodPastTheWaitFailsNamingTheServiceTheWaitAndTheLastAnswer() throws Exception {
    apiserver.on("GET", PROXY + "/_cluster/health", 503, "{\"kind\":\"Status\",\"message\":"
        + "\"no endpoints available for service \\\"elasticsearch:9200\\\"\",\"code\":503}");
    StatefulSetFleet fleet = new StatefulSetFleet(KubernetesAccess.fromKubeconfig(apiserver.kubeconfig(dir)),
        fleet("1.35").deployment(), Duration.ofSeconds(10), Duration.ofSeconds(2));

    assertThatThrownBy(() -> fleet.api().health()).isInstanceOf(EsException.class)
        .hasMessageContaining("the Elasticsearch Service elastic/elasticsearch had no pod ready to answer "
            + "GET /_cluster/health for 2 s")
        .hasMessageContaining("503 no endpoints available for service \"elasticsearch:9200\"")
        .extracting(e -> ((EsException) e).hint()).asString().contains("kubectl -n elastic get pods");
    assertThat(apiserver.requests()).hasSizeGreaterThan(2);
  }

  @Test
  void elasticsearchsOwnErrorsReachTheCallerAtOnce() throws Exception {
    apiserver.on("GET", PROXY + "/_cluster/settings", 503, "{\"error\":{\"type\":\"cluster_block_exception\","
        + "\"reason\":\"blocked by: [SERVICE_UNAVAILABLE/2/no master];\"},\"status\":503}")
        .on("GET", PROXY + "/missing", 404, "{\"error\":{\"type\":\"index_not_found_exception\"},\"status\":404}");
    StatefulSetFleet fleet = fleet("1.35");

    assertThatThrownBy(() -> fleet.api().allocation()).isInstanceOf(EsException.class).hasMessageContaining("answered 503");
    assertThat(fleet.api().find("/missing")).isEmpty();
    assertThat(apiserver.requests()).hasSize(2);
  }

  static String pod(String uid, String version, String revision, String phase) {
    return "{\"metadata\":{\"uid\":\"" + uid + "\",\"labels\":{\"kubeyard.dev/es-version\":\"" + version
        + "\",\"kubeyard.dev/config-revision\":\"" + revision + "\"}},\"status\":{\"phase\":\"" + phase + "\"}}";
  }
}

package dev.kubeyard.engine.k8s.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.apps.elasticsearch.rest.EsException;
import dev.kubeyard.engine.bundle.BundleApiserver;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "not yet" answers are recognised in what the bundle's real kube-apiserver (1.35, in a network
 * namespace, see {@link BundleApiserver}) says for an Elasticsearch Service whose only pod is not
 * ready: the same answer the lab's cluster gave mid-restart. No kubelet or endpoints controller runs
 * there, so the test writes the Endpoints the controller would keep, and no pod ever becomes ready.
 */
@Tag(BundleApiserver.TAG)
class ServiceProxyOnTheBundleApiserverTest {
  private static final String ADDRESS = "10.213.79.11";
  @TempDir
  static Path tmp;
  private static BundleApiserver api;

  @BeforeAll
  static void startApiserverWithAServiceWithoutPods() throws Exception {
    api = BundleApiserver.start(tmp, "esproxy", ADDRESS, """
        apiVersion: kubeyard.dev/v1alpha1
        kind: Cluster
        metadata: {name: esproxy}
        kubernetes: {version: 1.35.8}
        hosts:
          - {name: m1, address: %s, roles: [etcd, master, node]}
        """.formatted(ADDRESS));
    // what the endpoints controller (not running here) keeps for a Service whose only pod restarts: its
    // address listed as not ready
    Path objects = java.nio.file.Files.writeString(tmp.resolve("restarting.yaml"), """
        apiVersion: v1
        kind: Namespace
        metadata: {name: elastic}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: elasticsearch, namespace: elastic}
        spec:
          selector: {app.kubernetes.io/name: elasticsearch}
          ports: [{name: http, port: 9200, targetPort: 9200}]
        ---
        apiVersion: v1
        kind: Endpoints
        metadata: {name: elasticsearch, namespace: elastic}
        subsets:
        - notReadyAddresses: [{ip: 10.244.1.5}]
          ports: [{name: http, port: 9200}]
        """);
    var applied = api.kubectl("apply", "-f", objects.toString());
    assertThat(applied.exit()).as(applied.output()).isZero();
  }

  @AfterAll
  static void stop() throws Exception {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void theRealApiserversNoEndpointsAnswerIsTakenAsNotYetAndRetriedUntilTheWaitEnds() throws Exception {
    KubernetesAccess k8s = KubernetesAccess.fromKubeconfig(api.loopbackKubeconfig());
    KubernetesAccess.Reply raw = k8s.send("GET", "/api/v1/namespaces/elastic/services/elasticsearch:9200/proxy/_cluster/health");
    assertThat(raw.status()).isEqualTo(503);
    assertThat(ProxyAnswer.notYetReady(raw.status(), raw.body())).hasValueSatisfying(reason ->
        assertThat(reason).contains("no endpoints available for service \"elasticsearch:9200\""));

    ServiceProxyTransport transport = new ServiceProxyTransport(k8s, "elastic", "elasticsearch", Duration.ofSeconds(3));
    long start = System.nanoTime();
    assertThatThrownBy(() -> transport.send("GET", "/_cluster/health", null)).isInstanceOf(EsException.class)
        .hasMessageContaining("the Elasticsearch Service elastic/elasticsearch had no pod ready to answer GET "
            + "/_cluster/health for 3 s")
        .hasMessageContaining("no endpoints available");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(30));
  }

  @Test
  void aMissingServiceIsAnAnswerNotARestart() throws Exception {
    KubernetesAccess k8s = KubernetesAccess.fromKubeconfig(api.loopbackKubeconfig());
    ServiceProxyTransport transport = new ServiceProxyTransport(k8s, "elastic", "nosuch", Duration.ofSeconds(60));

    long start = System.nanoTime();
    assertThat(transport.send("GET", "/_cluster/health", null).status()).isEqualTo(404);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }
}

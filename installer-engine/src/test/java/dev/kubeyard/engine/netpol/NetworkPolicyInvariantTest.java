package dev.kubeyard.engine.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeyard.engine.apps.ingress.TraefikIngress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The policies asserted directly, on both lines (ADR 39), so regenerating golden files cannot hide an
 * opened namespace: every app namespace denies by default, every other policy is one named flow with
 * ports and (but for the ingress controller's entrypoints) a peer.
 */
class NetworkPolicyInvariantTest {

  private static Map<String, List<JsonNode>> byNamespace(String line) {
    return AppNamespacePolicies.all(AppNamespacePolicies.spec(line)).stream()
        .collect(Collectors.groupingBy(p -> p.at("/metadata/namespace").asText(), TreeMap::new, Collectors.toList()));
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static JsonNode named(List<JsonNode> policies, String name) {
    return policies.stream().filter(p -> p.at("/metadata/name").asText().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no policy " + name));
  }

  private static Set<Integer> ports(JsonNode rule) {
    return list(rule.path("ports")).stream().map(p -> p.path("port").asInt()).collect(Collectors.toSet());
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void everyAppNamespaceHasADefaultDenyForBothDirections(String line) {
    Map<String, List<JsonNode>> namespaces = byNamespace(line);
    Set<String> expected = line.equals("1.14") ? Set.of("elastic", "platform", TraefikIngress.NAMESPACE)
        : Set.of("elastic", "platform", TraefikIngress.NAMESPACE, PlatformFlows.METALLB_NAMESPACE);
    assertThat(namespaces.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    namespaces.forEach((ns, policies) -> {
      JsonNode deny = named(policies, Flows.DEFAULT_DENY);
      assertThat(deny.at("/spec/podSelector").isEmpty()).as(ns + ": default-deny selects every pod").isTrue();
      assertThat(list(deny.at("/spec/policyTypes")).stream().map(JsonNode::asText))
          .as(ns).containsExactlyInAnyOrder("Ingress", "Egress");
      assertThat(deny.at("/spec/ingress").isMissingNode() && deny.at("/spec/egress").isMissingNode())
          .as(ns + ": default-deny allows nothing").isTrue();
    });
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void everyOtherPolicyIsOneNamedFlowWithPortsAndAPeer(String line) {
    byNamespace(line).forEach((ns, policies) -> policies.stream()
        .filter(p -> !p.at("/metadata/name").asText().equals(Flows.DEFAULT_DENY)).forEach(p -> {
          String name = ns + "/" + p.at("/metadata/name").asText();
          assertThat(p.at("/metadata/annotations/" + Flows.FLOW.replace("/", "~1")).asText())
              .as(name + " says which flow it allows").isNotBlank();
          assertThat(p.at("/spec/podSelector/matchLabels").size()).as(name + " selects the flow's pods").isPositive();
          for (String direction : List.of("ingress", "egress")) {
            for (JsonNode rule : list(p.at("/spec/" + direction))) {
              assertThat(ports(rule)).as(name + ": every " + direction + " rule names its ports").isNotEmpty();
              String peers = direction.equals("ingress") ? "from" : "to";
              if (!name.equals(TraefikIngress.NAMESPACE + "/traefik-entrypoints")) {
                assertThat(rule.path(peers).size()).as(name + ": every " + direction + " rule names its peers")
                    .isPositive();
              }
            }
          }
        }));
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void elasticsearchAdmitsTransportAndItsThreeHttpClientsOnly(String line) {
    List<JsonNode> es = byNamespace(line).get("elastic");
    assertThat(es.stream().map(p -> p.at("/metadata/name").asText())).containsExactlyInAnyOrder(Flows.DEFAULT_DENY,
        "elasticsearch-transport", "elasticsearch-dns", "elasticsearch-from-gateway", "elasticsearch-from-ingress",
        "elasticsearch-from-apiserver");
    JsonNode transport = named(es, "elasticsearch-transport");
    assertThat(ports(transport.at("/spec/ingress/0"))).containsExactly(9300);
    assertThat(ports(transport.at("/spec/egress/0"))).containsExactly(9300);
    assertThat(transport.at("/spec/ingress/0/from/0/podSelector")).isEqualTo(transport.at("/spec/podSelector"));
    JsonNode gateway = named(es, "elasticsearch-from-gateway");
    assertThat(ports(gateway.at("/spec/ingress/0"))).containsExactly(9200);
    assertThat(gateway.at("/spec/ingress/0/from/0/podSelector/matchLabels/app.kubernetes.io~1name").asText())
        .isEqualTo("platform-gateway");
    assertThat(named(es, "elasticsearch-from-ingress").at("/spec/ingress/0/from/0/podSelector/matchLabels"))
        .hasToString("{\"app.kubernetes.io/name\":\"traefik\"}");
    assertThat(list(named(es, "elasticsearch-from-apiserver").at("/spec/ingress/0/from")).stream()
        .map(f -> f.at("/ipBlock/cidr").asText())).containsExactly("10.244.0.0/32", "10.244.1.0/32", "10.244.2.0/32");
    assertThat(es.stream().filter(p -> p.at("/spec/ingress").size() > 0 && !p.at("/metadata/name").asText()
        .equals("elasticsearch-transport")).map(p -> p.at("/spec/podSelector/matchLabels/kubeyard.dev~1es-role")
        .asText())).as("9200 only on the pods the client Service selects").containsOnly("ingest");
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void theGatewayIsReachedFromTraefikOnlyAndEveryEgressHasADestination(String line) {
    List<JsonNode> gateway = byNamespace(line).get("platform");
    // the API port from Traefik only; the internal port (metrics, docs, ADR 34) has its own policy
    List<JsonNode> in = gateway.stream().filter(p -> p.at("/spec/ingress").size() > 0)
        .filter(p -> ports(p.at("/spec/ingress/0")).contains(8000)).toList();
    assertThat(in).hasSize(1);
    assertThat(list(in.get(0).at("/spec/ingress/0/from"))).singleElement()
        .satisfies(peer -> assertThat(peer.at("/podSelector/matchLabels")).hasToString("{\"app.kubernetes.io/name\":\"traefik\"}"));
    Map<String, Set<Integer>> egress = gateway.stream().filter(p -> p.at("/spec/egress").size() > 0)
        .collect(Collectors.toMap(p -> p.at("/metadata/name").asText(), p -> ports(p.at("/spec/egress/0"))));
    assertThat(egress).containsOnlyKeys("platform-gateway-dns", "platform-gateway-to-elasticsearch",
        "platform-gateway-to-sqlserver", "platform-gateway-to-gitlab");
    assertThat(egress.get("platform-gateway-dns")).containsExactly(1053);
    assertThat(egress.get("platform-gateway-to-elasticsearch")).containsExactly(9200);
    assertThat(egress.get("platform-gateway-to-sqlserver")).containsExactly(1433);
    JsonNode gitlab = named(gateway, "platform-gateway-to-gitlab");
    if (line.equals("1.35")) { // the example's VIP fronts the ingress on 443
      assertThat(gitlab.at("/spec/egress/0/to/0/ipBlock/cidr").asText()).endsWith("/32");
    }
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void traefikTakesItsEntrypointsFromAnywhereAndReachesOnlyTheApiserversAndItsBackends(String line) {
    List<JsonNode> traefik = byNamespace(line).get(TraefikIngress.NAMESPACE);
    assertThat(traefik.stream().map(p -> p.at("/metadata/name").asText())).containsExactlyInAnyOrder(
        Flows.DEFAULT_DENY, "traefik-entrypoints", "traefik-to-apiserver", "traefik-to-gateway",
        "traefik-to-elasticsearch", "traefik-to-sqlserver");
    assertThat(ports(named(traefik, "traefik-entrypoints").at("/spec/ingress/0"))).containsExactlyInAnyOrder(8000, 8443, 1433);
    JsonNode api = named(traefik, "traefik-to-apiserver");
    assertThat(ports(api.at("/spec/egress/0"))).containsExactly(6443);
    assertThat(list(api.at("/spec/egress/0/to"))).allSatisfy(peer -> assertThat(peer.at("/ipBlock/cidr").asText()).endsWith("/32"));
  }
}

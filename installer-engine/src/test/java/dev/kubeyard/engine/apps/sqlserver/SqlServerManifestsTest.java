package dev.kubeyard.engine.apps.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.netpol.Flows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the availability group's objects must say on each line, checked on the trees themselves. */
class SqlServerManifestsTest {
  private static final SqlServerDeployment CURRENT = SqlServerManifestsGoldenTest.deployment("1.35");
  private static final SqlServerDeployment LEGACY = SqlServerManifestsGoldenTest.deployment("1.14");

  private static JsonNode object(SqlServerDeployment d, String file) {
    return SqlServerManifests.render(d).stream().filter(m -> m.file().equals(file)).findFirst().orElseThrow().object();
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(field.isEmpty() ? n.asText() : n.path(field).asText()));
    return out;
  }

  @Test
  void theRoleServicesSelectByTheControllersLabelWhichNoPodTemplateCarries() {
    JsonNode primary = object(CURRENT, "service-primary.yaml");
    JsonNode secondary = object(CURRENT, "service-secondary.yaml");
    assertThat(primary.at("/metadata/name").asText()).isEqualTo("ag1-primary");
    assertThat(secondary.at("/metadata/name").asText()).isEqualTo("ag1-secondary");
    assertThat(primary.at("/spec/selector").path(AgLabels.ROLE).asText()).isEqualTo("primary");
    assertThat(secondary.at("/spec/selector").path(AgLabels.ROLE).asText()).isEqualTo("secondary");
    assertThat(texts(primary.at("/spec/ports"), "port")).containsExactly("1433");
    JsonNode sts = object(CURRENT, "statefulset.yaml");
    assertThat(sts.at("/spec/template/metadata/labels").has(AgLabels.ROLE)).isFalse();
    assertThat(sts.at("/spec/selector/matchLabels").has(AgLabels.ROLE)).isFalse();
  }

  @Test
  void everyReplicaHasItsOwnServiceForTheMirroringEndpointItsEndpointUrlNames() {
    for (int i = 0; i < 3; i++) {
      JsonNode svc = object(CURRENT, "service-ag1-" + i + ".yaml");
      assertThat(svc.at("/spec/selector").path(AgLabels.POD_NAME).asText()).isEqualTo("ag1-" + i);
      assertThat(texts(svc.at("/spec/ports"), "port")).containsExactly("1433", "5022");
      assertThat(svc.at("/spec/publishNotReadyAddresses").asBoolean()).isTrue();
      assertThat(CURRENT.endpointUrl(i)).isEqualTo("TCP://ag1-" + i + ".mssql.svc.cluster.local:5022");
    }
  }

  @Test
  void threeReplicasOnThreeNodesOneAwayAtATimeWithAPolicyV1beta1BudgetOn114() {
    JsonNode sts = object(CURRENT, "statefulset.yaml");
    assertThat(sts.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(sts.at("/spec/updateStrategy/type").asText()).isEqualTo("OnDelete");
    JsonNode term = sts.at("/spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/0");
    assertThat(term.path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
    assertThat(sts.at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage").asText()).isEqualTo("20Gi");
    assertThat(object(CURRENT, "poddisruptionbudget.yaml").path("apiVersion").asText()).isEqualTo("policy/v1");
    assertThat(object(LEGACY, "poddisruptionbudget.yaml").path("apiVersion").asText()).isEqualTo("policy/v1beta1");
    assertThat(object(CURRENT, "poddisruptionbudget.yaml").at("/spec/maxUnavailable").asInt()).isEqualTo(1);
  }

  @Test
  void theLicenceIsAcceptedOnlyAsTheSpecSaysAndTheSaPasswordComesFromItsSecret() {
    JsonNode env = object(CURRENT, "statefulset.yaml").at("/spec/template/spec/containers/0/env");
    assertThat(env.get(0).path("name").asText()).isEqualTo("ACCEPT_EULA");
    assertThat(env.get(0).path("value").asText()).isEqualTo("Y");
    assertThat(env.get(1).path("value").asText()).isEqualTo("Enterprise");
    JsonNode sa = env.get(2);
    assertThat(sa.path("name").asText()).isEqualTo("MSSQL_SA_PASSWORD");
    assertThat(sa.has("value")).as("never a literal password").isFalse();
    assertThat(sa.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("sa-password");
    assertThat(sa.at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("password");
  }

  @Test
  void sqlServerSeesOnlyItsOwnEndpointKeyTheInitContainerCopiesIt() {
    JsonNode pod = object(CURRENT, "statefulset.yaml").at("/spec/template/spec");
    assertThat(texts(pod.at("/containers/0/volumeMounts"), "name")).doesNotContain("endpoint-keys")
        .contains("endpoint-key", "endpoint-certificates", "tls", "data", "mssql-conf");
    assertThat(texts(pod.at("/initContainers/0/volumeMounts"), "name")).containsExactly("endpoint-keys", "endpoint-key");
    JsonNode volumes = pod.path("volumes");
    volumes.forEach(v -> {
      if (v.path("name").asText().equals("endpoint-certificates")) {
        assertThat(texts(v.at("/secret/items"), "key")).allMatch(k -> k.endsWith(".cer"));
      }
      if (v.path("name").asText().equals("endpoint-keys") || v.path("name").asText().equals("tls")) {
        assertThat(v.at("/secret/defaultMode").asInt()).as(v.path("name").asText()).isEqualTo(0400);
      }
    });
  }

  @Test
  void podsFitTheRestrictedStandardOnBothLines() {
    for (SqlServerDeployment d : List.of(CURRENT, LEGACY)) {
      JsonNode pod = object(d, "statefulset.yaml").at("/spec/template/spec");
      assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
      assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
      List<JsonNode> containers = new ArrayList<>();
      pod.path("containers").forEach(containers::add);
      pod.path("initContainers").forEach(containers::add);
      assertThat(containers).allSatisfy(c -> {
        assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(texts(c.at("/securityContext/capabilities/drop"), "")).containsExactly("ALL");
      });
    }
    JsonNode legacyTemplate = object(LEGACY, "statefulset.yaml").at("/spec/template");
    assertThat(legacyTemplate.at("/metadata/annotations").path("seccomp.security.alpha.kubernetes.io/pod").asText())
        .isEqualTo("runtime/default");
    assertThat(object(CURRENT, "statefulset.yaml").at("/spec/template/spec/securityContext/seccompProfile/type")
        .asText()).isEqualTo("RuntimeDefault");
    assertThat(object(CURRENT, "namespace.yaml").at("/metadata/labels").path("pod-security.kubernetes.io/enforce")
        .asText()).isEqualTo("restricted");
    assertThat(object(LEGACY, "namespace.yaml").at("/metadata/labels").path("kubeyard.dev/namespace").asText())
        .isEqualTo("mssql");
  }

  @Test
  void aStartupProbeGuardsRecoveryFrom120AndA114LivenessProbeWaitsInstead() {
    JsonNode current = object(CURRENT, "statefulset.yaml").at("/spec/template/spec/containers/0");
    JsonNode legacy = object(LEGACY, "statefulset.yaml").at("/spec/template/spec/containers/0");
    assertThat(current.at("/startupProbe/tcpSocket/port").asInt()).isEqualTo(1433);
    assertThat(legacy.has("startupProbe")).isFalse();
    assertThat(legacy.at("/livenessProbe/initialDelaySeconds").asInt()).isEqualTo(300);
    assertThat(current.at("/readinessProbe/tcpSocket/port").asInt()).isEqualTo(1433);
  }

  @Test
  void theNamespaceDeniesAllButTheNamedFlows() {
    List<Manifest> policies = SqlServerManifests.render(CURRENT).stream()
        .filter(m -> m.kind().equals("NetworkPolicy")).toList();
    assertThat(policies).extracting(Manifest::name).containsExactly(Flows.DEFAULT_DENY, "ag1-mirroring", "ag1-dns",
        "ag1-from-gateway", "ag1-from-controller", "ag1-from-ingress", "ag1-controller-to-replicas",
        "ag1-controller-to-apiserver", "ag1-controller-dns");
    assertThat(policies.get(0).object().at("/spec/podSelector").isEmpty()).isTrue();
    assertThat(policies.subList(1, policies.size())).allSatisfy(p ->
        assertThat(p.object().at("/metadata/annotations").path(Flows.FLOW).asText()).isNotBlank());
    JsonNode mirroring = policies.get(1).object();
    assertThat(mirroring.at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(5022);
    assertThat(mirroring.at("/spec/egress/0/ports/0/port").asInt()).isEqualTo(5022);
    JsonNode gateway = policies.get(3).object();
    assertThat(gateway.at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(1433);
    assertThat(gateway.at("/spec/ingress/0/from/0/namespaceSelector/matchLabels")
        .path("kubernetes.io/metadata.name").asText()).isEqualTo("platform");
    JsonNode fromController = policies.get(4).object();
    assertThat(fromController.at("/spec/ingress/0/from/0/podSelector/matchLabels/app.kubernetes.io~1name").asText())
        .isEqualTo("mssql-ag-controller");
  }

  @Test
  void sqlServerRequiresTlsWithKubeyardsCertificateAndRunsAvailabilityGroups() {
    String conf = object(CURRENT, "configmap-mssql-conf.yaml").at("/data/mssql.conf").asText();
    assertThat(conf).contains("tlscert = /etc/kubeyard/mssql/tls/tls.crt", "tlskey = /etc/kubeyard/mssql/tls/tls.key",
        "forceencryption = 1", "tlsprotocols = 1.2", "hadrenabled = 1", "memorylimitmb = 3276");
    assertThat(object(CURRENT, "statefulset.yaml").at("/spec/template/spec/containers/0/resources/limits/memory")
        .asText()).isEqualTo("4Gi");
  }
}

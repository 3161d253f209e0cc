package dev.kubeyard.engine.k8s.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.apps.sqlserver.AgLabels;
import dev.kubeyard.engine.apps.sqlserver.SqlServerDeployment;
import dev.kubeyard.engine.apps.sqlserver.SqlServerManifests;
import dev.kubeyard.engine.bundle.BundleApiserver;
import dev.kubeyard.engine.k8s.AppliedObject;
import dev.kubeyard.engine.k8s.AppliedObject.Outcome;
import dev.kubeyard.engine.pki.PkiException;
import dev.kubeyard.engine.pki.PkiMaterial;
import dev.kubeyard.engine.podsecurity.PlatformManifests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * `kubeyard sqlserver deploy|status` against the bundle's real kube-apiserver 1.35.8. No scheduler or kubelet
 * and no SQL Server image: the StatefulSet creates no pod here. To read a running group, the test creates the
 * replicas' pods itself from the StatefulSet's template, sets the role label the failover controller would set
 * and the Ready condition a kubelet would report (through the status subresource).
 */
@Tag(BundleApiserver.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GroupDeployerTest {
  private static final String ADDRESS = "10.213.94.11";
  private static final String SPEC = """
      apiVersion: kubeyard.dev/v1alpha1
      kind: Cluster
      metadata: {name: sqlserver}
      kubernetes: {version: 1.35.8}
      hosts:
        - {name: m1, address: %s, roles: [etcd, master]}
        - {name: n1, address: 10.213.94.12, roles: [node]}
      apps:
        sqlserver:
          edition: Developer
          image: mcr.microsoft.com/mssql/server:2022-latest
          acceptEula: true
          databases: [gateway]
      """.formatted(ADDRESS);

  @TempDir
  static Path tmp;
  private static BundleApiserver api;
  private static GroupDeployer deployer;
  private static SqlServerDeployment group;

  @BeforeAll
  static void startApiserver() throws Exception {
    api = BundleApiserver.start(tmp.resolve("api"), "sqlgd", ADDRESS, SPEC);
    deployer = GroupDeployer.fromKubeconfig(api.loopbackKubeconfig());
    group = SqlServerDeployment.of(api.facts());
  }

  @AfterAll
  static void stopApiserver() throws Exception {
    if (api != null) {
      api.close();
    }
  }

  private static List<AppliedObject> deploy() {
    return deployer.deploy(api.facts(), PkiMaterial.load(api.pki()), new SecureRandom(), a -> { });
  }

  private static String secretData(String name) {
    return api.kubectlOk("get", "secret", name, "-n", "mssql", "-o", "jsonpath={.data}").output().strip();
  }

  @Test
  @Order(1)
  void aPkiWithoutTheGroupsCertificatesIsRefusedBeforeAnythingIsSent() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty-pki"));

    assertThatThrownBy(() -> deployer.deploy(api.facts(), PkiMaterial.load(empty), new SecureRandom(), a -> { }))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining("mssql-ag1-tls: missing (certificate and key)")
        .hasMessageContaining("mssql-ag1-2-endpoint: missing")
        .hasMessageContaining("run `kubeyard plan` or `kubeyard apply`");
    assertThat(api.kubectl("get", "namespace", "mssql").exit()).isNotZero();
  }

  @Test
  @Order(2)
  void beforeTheFirstDeployTheStatusSaysTheStatefulSetDoesNotExist() {
    GroupStatus status = deployer.status(api.facts());

    assertThat(status.healthy()).isFalse();
    assertThat(status.wanted()).isZero();
    assertThat(status.replicas()).isEmpty();
    assertThat(status.problems()).first().asString().contains("the StatefulSet ag1 does not exist in mssql");
  }

  @Test
  @Order(3)
  void theFirstDeployCreatesEveryObjectTheNamespaceFirstAndTheSecretsBeforeTheStatefulSet() {
    List<AppliedObject> applied = deploy();

    List<Manifest> rendered = SqlServerManifests.render(group);
    assertThat(applied).hasSize(rendered.size() + 4).extracting(AppliedObject::outcome).containsOnly(Outcome.CREATED);
    List<String> names = applied.stream().map(a -> a.kind() + " " + a.name()).toList();
    assertThat(names.get(0)).isEqualTo("Namespace mssql");
    assertThat(names.subList(1, 5)).containsExactly("Secret ag1-tls", "Secret ag1-endpoint-certificates",
        "Secret " + group.saPasswordSecret(), "Secret " + group.masterKeyPasswordSecret());
    assertThat(names.get(names.size() - 1)).isEqualTo("StatefulSet ag1");
    assertThat(names).containsAll(rendered.stream().map(m -> m.kind() + " " + m.name()).toList());
    assertThat(api.kubectlOk("get", "secret", "ag1-endpoint-certificates", "-n", "mssql", "-o",
        "jsonpath={.data}").output()).contains("\"ag1-0.cer\"", "\"ag1-2.pvk\"");
    for (String secret : List.of(group.saPasswordSecret(), group.masterKeyPasswordSecret())) {
      String password = new String(Base64.getDecoder().decode(api.kubectlOk("get", "secret", secret, "-n",
          "mssql", "-o", "jsonpath={.data.password}").output().strip()), StandardCharsets.UTF_8);
      assertThat(password).hasSize(32);
      assertThat(applied).extracting(AppliedObject::describe).noneMatch(d -> d.contains(password));
    }
  }

  @Test
  @Order(4)
  void aSecondDeployKeepsBothPasswordsAndUpdatesEverythingElseInPlace() {
    String sa = secretData(group.saPasswordSecret());
    String masterKey = secretData(group.masterKeyPasswordSecret());

    List<AppliedObject> again = deploy();

    assertThat(again).filteredOn(a -> a.outcome() == Outcome.SKIPPED).extracting(AppliedObject::name)
        .containsExactly(group.saPasswordSecret(), group.masterKeyPasswordSecret());
    assertThat(again).filteredOn(a -> a.outcome() == Outcome.SKIPPED).extracting(AppliedObject::detail)
        .allMatch(d -> d.startsWith("its password is kept"));
    assertThat(again).filteredOn(a -> a.outcome() != Outcome.SKIPPED).extracting(AppliedObject::outcome)
        .containsOnly(Outcome.UPDATED);
    assertThat(secretData(group.saPasswordSecret())).isEqualTo(sa);
    assertThat(secretData(group.masterKeyPasswordSecret())).isEqualTo(masterKey);
  }

  @Test
  @Order(5)
  void beforeAnyReplicaRunsTheStatusCountsNoneReadyAndNoPrimary() {
    GroupStatus status = deployer.status(api.facts());

    assertThat(status.wanted()).isEqualTo(3);
    assertThat(status.ready()).isZero();
    assertThat(status.labelledPrimary()).isEmpty();
    assertThat(status.primarySelects()).isEmpty();
    assertThat(status.healthy()).isFalse();
    assertThat(status.lines()).containsExactly("replicas: 0/3 ready (StatefulSet mssql/ag1)",
        "primary: none labelled; ag1-primary selects no pod", "secondaries: ag1-secondary selects no pod");
  }

  @Test
  @Order(6)
  void withThreeReadyReplicasAndOneLabelledPrimaryTheStatusIsHealthyAndNamesWhomTheServicesSelect()
      throws Exception {
    // no controller-manager here: the service account its token controller would create comes by hand
    api.kubectlOk("create", "serviceaccount", "default", "-n", "mssql");
    replica(0, AgLabels.PRIMARY);
    replica(1, AgLabels.SECONDARY);
    replica(2, AgLabels.SECONDARY);

    GroupStatus status = deployer.status(api.facts());

    assertThat(status.replicas()).containsExactly(new GroupStatus.Replica("ag1-0", "primary", true),
        new GroupStatus.Replica("ag1-1", "secondary", true), new GroupStatus.Replica("ag1-2", "secondary", true));
    assertThat(status.primarySelects()).containsExactly("ag1-0");
    assertThat(status.secondarySelects()).containsExactly("ag1-1", "ag1-2");
    assertThat(status.problems()).isEmpty();
    assertThat(status.healthy()).isTrue();
  }

  @Test
  @Order(7)
  void aSecondPodLabelledPrimaryMakesTheGroupUnhealthy() {
    api.kubectlOk("label", "pod", "ag1-2", "-n", "mssql", "--overwrite", AgLabels.ROLE + "=" + AgLabels.PRIMARY);

    GroupStatus status = deployer.status(api.facts());

    assertThat(status.healthy()).isFalse();
    assertThat(status.primarySelects()).containsExactly("ag1-0", "ag1-2");
    assertThat(status.problems()).containsExactly("2 pods are labelled primary (ag1-0, ag1-2): writes could reach"
        + " more than one replica");
  }

  /** The pod the StatefulSet would create as replica {@code ordinal}, labelled {@code role}, reported Ready. */
  private static void replica(int ordinal, String role) throws Exception {
    String statefulSet = SqlServerManifests.render(group).stream().filter(m -> m.kind().equals("StatefulSet"))
        .findFirst().orElseThrow().yaml();
    ObjectNode pod = PlatformManifests.pods(statefulSet).get(0);
    String name = group.names().pod(ordinal);
    ObjectNode meta = (ObjectNode) pod.get("metadata");
    meta.put("name", name).put("namespace", "mssql");
    ((ObjectNode) meta.get("labels")).put(AgLabels.POD_NAME, name).put(AgLabels.ROLE, role);
    pod.get("spec").get("volumes").forEach(v -> {
      if (v.has("persistentVolumeClaim")) {
        ((ObjectNode) v.get("persistentVolumeClaim")).put("claimName", "data-" + name);
      }
    });
    Path file = Files.writeString(tmp.resolve(name + ".json"), pod.toPrettyString());
    api.kubectlOk("create", "-f", file.toString());
    api.kubectlOk("patch", "pod", name, "-n", "mssql", "--subresource=status", "--type=merge", "-p",
        "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}");
  }
}

package dev.kubeyard.engine.apps.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.bundle.BundleApiserver;
import dev.kubeyard.engine.pki.PkiMaterial;
import dev.kubeyard.engine.podsecurity.PlatformManifests;
import dev.kubeyard.engine.testing.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The availability group's objects and Secrets on the bundle's real 1.35 kube-apiserver with the rendered
 * flags (Pod Security Admission, ADR 35): each applies without a PodSecurity warning and is stored as
 * rendered, and the pod the StatefulSet would create is admitted in the restricted namespace without a
 * warning (server-side dry run). No SQL Server runs: there is no image here, nor a scheduler or kubelet.
 */
@Tag(BundleApiserver.TAG)
class SqlServerOnTheBundleApiserverTest {
  private static final String ADDRESS = "10.213.91.11";
  private static final String SPEC = """
      apiVersion: kubeyard.dev/v1alpha1
      kind: Cluster
      metadata: {name: sqlserver}
      kubernetes: {version: 1.35.8}
      hosts:
        - {name: m1, address: %s, roles: [etcd, master]}
        - {name: n1, address: 10.213.91.12, roles: [node]}
      apps:
        sqlserver:
          edition: Developer
          image: mcr.microsoft.com/mssql/server:2022-latest
          acceptEula: true
          databases: [gateway]
        pythonService: {host: gateway.lab.test}
      """.formatted(ADDRESS);

  @TempDir
  static Path tmp;
  private static BundleApiserver api;
  private static SqlServerDeployment deployment;
  private static final List<String> applyOutput = new ArrayList<>();
  private static String statefulSetYaml;

  @BeforeAll
  static void startTheApiserverAndApplyTheGroup() throws Exception {
    api = BundleApiserver.start(tmp.resolve("api"), "sql", ADDRESS, SPEC);
    deployment = SqlServerDeployment.of(api.facts());
    PkiMaterial pki = PkiMaterial.load(api.pki());
    List<Manifest> all = new ArrayList<>(SqlServerManifests.render(deployment));
    all.add(1, GroupSecrets.tls(deployment, pki));
    all.add(2, GroupSecrets.endpointCertificates(deployment, pki));
    for (String secret : GroupSecrets.passwordSecrets(deployment)) {
      all.add(3, GroupSecrets.password(deployment, secret, new SecureRandom()));
    }
    Path dir = Files.createDirectories(tmp.resolve("manifests"));
    for (Manifest m : all) {
      Path file = Files.writeString(dir.resolve(m.file()), m.yaml());
      applyOutput.add(api.kubectlOk("apply", "-f", file.toString()).output());
      if (m.kind().equals("StatefulSet")) {
        statefulSetYaml = m.yaml();
      }
    }
    // no controller-manager here: the service account its token controller would create comes by hand
    api.kubectlOk("create", "serviceaccount", "default", "-n", deployment.namespace());
  }

  @AfterAll
  static void stopTheApiserver() throws Exception {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void everyObjectAndSecretAppliesWithoutAPodSecurityWarningAndIsStored() {
    assertThat(applyOutput).hasSize(SqlServerManifests.render(deployment).size() + 4)
        .noneSatisfy(out -> assertThat(out).containsIgnoringCase("warning"));
    assertThat(api.kubectlOk("get", "services", "-n", "mssql", "-o", "name").output().lines().sorted().toList())
        .containsExactly("service/ag1", "service/ag1-0", "service/ag1-1", "service/ag1-2", "service/ag1-primary",
            "service/ag1-secondary");
    // default-deny and 7 flows: no ingress-controller flow, this spec does not expose 1433
    assertThat(api.kubectlOk("get", "networkpolicies", "-n", "mssql", "-o", "name").output().lines().count())
        .isEqualTo(8);
    assertThat(api.kubectlOk("get", "secret", "ag1-tls", "-n", "mssql", "-o", "jsonpath={.type}").output())
        .isEqualTo("kubernetes.io/tls");
    assertThat(api.kubectlOk("get", "service", "ag1-primary", "-n", "mssql", "-o",
        "jsonpath={.spec.selector.kubeyard\\.dev/ag-role}").output()).isEqualTo("primary");
    assertThat(api.kubectlOk("get", "poddisruptionbudget", "ag1", "-n", "mssql", "-o",
        "jsonpath={.spec.maxUnavailable}").output()).isEqualTo("1");
  }

  @Test
  void theReplicasPodIsAdmittedInTheRestrictedNamespaceWithoutAWarning() throws Exception {
    assertThat(api.kubectlOk("get", "namespace", "mssql", "-o",
        "jsonpath={.metadata.labels.pod-security\\.kubernetes\\.io/enforce}").output()).isEqualTo("restricted");
    List<ObjectNode> pods = PlatformManifests.pods(statefulSetYaml);
    assertThat(pods).hasSize(1);
    Path json = Files.writeString(tmp.resolve("ag1-0.json"), pods.get(0).toPrettyString());
    Proc.Result r = api.kubectl("create", "--dry-run=server", "-o", "name", "-f", json.toString());
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output().strip()).isEqualTo("pod/ag1");
  }
}

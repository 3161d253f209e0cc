package dev.kubeyard.engine.apps.gitlab.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.bundle.BundleApiserver;
import dev.kubeyard.engine.pki.PkiMaterial;
import dev.kubeyard.engine.podsecurity.PlatformManifests;
import dev.kubeyard.engine.testing.Kubernetes114Binaries;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.engine.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitLab's PostgreSQL objects and Secrets (ADR 42) on real kube-apiservers of both lines with the rendered
 * flags: each applies without a warning and is stored; on 1.35 the member's pod is admitted in the restricted
 * namespace (server-side dry run). Nothing runs here: no scheduler or kubelet (the lab test runs it).
 */
@Tag(BundleApiserver.TAG)
class GitlabPostgresOnTheBundleApiserverTest {
  private static final String SPEC = """
      apiVersion: kubeyard.dev/v1alpha1
      kind: Cluster
      metadata: {name: gitlab}
      kubernetes: {version: %s}
      hosts:
        - {name: m1, address: %s, roles: [etcd, master]}
        - {name: n1, address: 10.213.92.12, roles: [node]}
      apps:
        gitlab:
          host: gitlab.lab.test
          postgres: {members: 3, storageSize: 5Gi}
      """ + Specs.gitlabStandInImages(4);

  @TempDir
  Path tmp;

  @Test
  void onTheCurrentLineEveryObjectIsStoredAndTheMembersPodIsAdmittedAsRestricted() throws Exception {
    try (BundleApiserver api = BundleApiserver.start(tmp.resolve("api"), "pg135", "10.213.92.11",
        SPEC.formatted("1.35.8", "10.213.92.11"))) {
      String statefulSet = applyAll(api);
      List<ObjectNode> pods = PlatformManifests.pods(statefulSet);
      Path json = Files.writeString(tmp.resolve("member.json"), pods.get(0).toPrettyString());
      api.kubectlOk("create", "serviceaccount", "default", "-n", "gitlab");
      Proc.Result r = api.kubectl("create", "--dry-run=server", "-o", "name", "-f", json.toString());
      assertThat(r.exit()).as(r.output()).isZero();
      assertThat(r.output()).doesNotContainIgnoringCase("warning");
      assertThat(api.kubectlOk("get", "poddisruptionbudget", "gitlab-postgres", "-n", "gitlab", "-o",
          "jsonpath={.apiVersion}").output()).isEqualTo("policy/v1");
    }
  }

  @Test
  void onThe114LineEveryObjectIsStoredWithV1beta1Budgets() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Kubernetes114Binaries.folder().resolve("kube-apiserver")),
        "no Kubernetes 1.14.10 binaries in " + Kubernetes114Binaries.folder() + " (tools/k8s-builder-1.14/build.sh)");
    try (BundleApiserver api = BundleApiserver.start(tmp.resolve("api"), "pg114", "10.213.92.21",
        SPEC.formatted("1.14.10", "10.213.92.21"), Kubernetes114Binaries::command)) {
      applyAll(api);
      assertThat(api.kubectlOk("get", "poddisruptionbudget", "gitlab-postgres", "-n", "gitlab", "-o",
          "jsonpath={.apiVersion}").output()).isEqualTo("policy/v1beta1");
    }
  }

  /** Applies the Secrets and every object in order; returns the StatefulSet's YAML. */
  private String applyAll(BundleApiserver api) throws Exception {
    PostgresDeployment d = PostgresDeployment.of(api.facts());
    List<Manifest> all = new ArrayList<>(PostgresManifests.render(d));
    all.add(1, PostgresSecrets.tls(d, PkiMaterial.load(api.pki())));
    for (String secret : PostgresSecrets.passwordSecrets()) {
      all.add(2, PostgresSecrets.password(d, secret, new SecureRandom()));
    }
    Path dir = Files.createDirectories(tmp.resolve("manifests"));
    String statefulSet = null;
    for (Manifest m : all) {
      String out = api.kubectlOk("apply", "-f", Files.writeString(dir.resolve(m.file()), m.yaml()).toString()).output();
      assertThat(out).as(m.file()).doesNotContainIgnoringCase("warning");
      if (m.kind().equals("StatefulSet")) {
        statefulSet = m.yaml();
      }
    }
    assertThat(api.kubectlOk("get", "services", "-n", "gitlab", "-o", "name").output().lines().sorted().toList())
        .containsExactly("service/gitlab-pgbouncer", "service/gitlab-postgres", "service/gitlab-postgres-members",
            "service/gitlab-postgres-primary", "service/gitlab-postgres-replicas");
    assertThat(api.kubectlOk("get", "secrets", "-n", "gitlab", "-o", "name").output())
        .contains("secret/gitlab-postgres-tls", "secret/gitlab-postgres-password", "secret/gitlab-postgres-superuser",
            "secret/gitlab-postgres-replication");
    return statefulSet;
  }
}

package dev.kubeyard.engine.apps.gitlab.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.AppNamespace;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.bundle.BundleApiserver;
import dev.kubeyard.engine.podsecurity.PlatformManifests;
import dev.kubeyard.engine.podsecurity.PodSecurityLevel;
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
 * GitLab's Redis objects and password Secret on a real kube-apiserver of each line with the rendered
 * flags: each applies without a warning (no PodSecurity warning in the restricted namespace on 1.35) and
 * is stored as rendered, and on 1.35 the pods the StatefulSets would create are admitted (server-side dry
 * run). No Redis runs here (no scheduler or kubelet): that is GitlabRedisOnTheLabTest's.
 */
@Tag(BundleApiserver.TAG)
class RedisOnTheBundleApiserverTest {
  private static final String SPEC = """
      apiVersion: kubeyard.dev/v1alpha1
      kind: Cluster
      metadata: {name: gitlab}
      kubernetes: {version: %s}
      hosts:
        - {name: m1, address: %s, roles: [etcd, master]}
        - {name: n1, address: 10.213.97.12, roles: [node]}
      apps:
        gitlab:
          host: gitlab.lab.test
      """ + Specs.gitlabStandInImages(4);
  private static final String ADDRESS = "10.213.97.11";

  @TempDir
  Path tmp;

  @Test
  void onTheCurrentLineEveryObjectIsStoredWithoutAWarningAndBothPodsAreAdmittedAsRestricted() throws Exception {
    try (BundleApiserver api = BundleApiserver.start(tmp.resolve("api"), "gredis", ADDRESS,
        SPEC.formatted("1.35.8", ADDRESS))) {
      RedisDeployment d = RedisDeployment.of(api.facts());
      applyAll(api, d);
      assertThat(api.kubectlOk("get", "namespace", "gitlab", "-o",
          "jsonpath={.metadata.labels.pod-security\\.kubernetes\\.io/enforce}").output()).isEqualTo("restricted");
      api.kubectlOk("create", "serviceaccount", "default", "-n", "gitlab"); // no controller-manager here
      for (Manifest m : RedisManifests.render(d)) {
        if (m.kind().equals("StatefulSet")) {
          ObjectNode pod = PlatformManifests.pods(m.yaml()).get(0);
          Path json = Files.writeString(tmp.resolve(m.name() + ".json"), pod.toPrettyString());
          Proc.Result r = api.kubectl("create", "--dry-run=server", "-o", "name", "-f", json.toString());
          assertThat(r.exit()).as(r.output()).isZero();
          assertThat(r.output()).doesNotContainIgnoringCase("warning");
        }
      }
      assertThat(api.kubectlOk("get", "pdb", "gitlab-redis", "-n", "gitlab", "-o", "jsonpath={.apiVersion}").output())
          .isEqualTo("policy/v1");
    }
  }

  @Test
  void onThe114LineEveryObjectIsStoredWithTheBetaBudgets() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Kubernetes114Binaries.folder().resolve("kube-apiserver")),
        "no Kubernetes 1.14.10 binaries in " + Kubernetes114Binaries.folder() + ": tools/k8s-builder-1.14/build.sh");
    try (BundleApiserver api = BundleApiserver.start(tmp.resolve("api"), "gr114", ADDRESS,
        SPEC.formatted("1.14.10", ADDRESS), Kubernetes114Binaries::command)) {
      RedisDeployment d = RedisDeployment.of(api.facts());
      applyAll(api, d);
      assertThat(api.kubectlOk("get", "pdb", "gitlab-redis-sentinel", "-n", "gitlab", "-o", "jsonpath={.apiVersion}")
          .output()).isEqualTo("policy/v1beta1");
    }
  }

  /** The namespace (GitLab's tier owns it; here as restricted as ADR 35 makes it), the Secret, the objects. */
  private void applyAll(BundleApiserver api, RedisDeployment d) throws Exception {
    List<Manifest> all = new ArrayList<>();
    ObjectNode labels = JsonNodeFactory.instance.objectNode().put("app.kubernetes.io/part-of", "gitlab");
    all.add(new Manifest("namespace.yaml", AppNamespace.of(d.namespace(), labels, PodSecurityLevel.RESTRICTED,
        d.kubernetes())));
    all.add(RedisSecrets.password(d, new SecureRandom()));
    all.addAll(RedisManifests.render(d));
    Path dir = Files.createDirectories(tmp.resolve("manifests"));
    for (Manifest m : all) {
      Path file = Files.writeString(dir.resolve(m.file()), m.yaml());
      assertThat(api.kubectlOk("apply", "-f", file.toString()).output()).as(m.file())
          .doesNotContainIgnoringCase("warning");
    }
    assertThat(api.kubectlOk("get", "statefulsets,services,pdb,configmaps,secrets", "-n", "gitlab", "-l",
        "app.kubernetes.io/part-of=gitlab", "-o", "name").output().lines().sorted().toList()).containsExactly(
            "configmap/gitlab-redis-scripts", "poddisruptionbudget.policy/gitlab-redis",
            "poddisruptionbudget.policy/gitlab-redis-sentinel", "secret/gitlab-redis-password",
            "service/gitlab-redis", "service/gitlab-redis-sentinel", "statefulset.apps/gitlab-redis",
            "statefulset.apps/gitlab-redis-sentinel");
    assertThat(api.kubectlOk("get", "statefulset", "gitlab-redis-sentinel", "-n", "gitlab", "-o",
        "jsonpath={.spec.template.spec.containers[0].image} {.spec.replicas}").output())
        .isEqualTo("kubeyard.local/redis:7.0.15 3");
  }
}

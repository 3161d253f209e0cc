package dev.kubeyard.engine.apps.gitlab.tier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.bundle.BundleApiserver;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.podsecurity.PlatformManifests;
import dev.kubeyard.engine.render.RenderContext;
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
 * GitLab's tier on real kube-apiservers of both lines with their rendered flags (ADR 44): the bundle's
 * 1.35.8 (Pod Security Admission, strict field validation) and 1.14.10 (kubectl's schema validation from
 * the server's OpenAPI document). Every object and generated Secret is stored without a warning; on 1.35 each
 * workload's pod is admitted in the restricted namespace by a server-side dry run. The images are stand-ins
 * named so ({@code kubeyard.test/stand-in/...}), and so are the data tier's Secrets and CA: nothing runs here
 * (no scheduler, no kubelet), and nothing here shows that GitLab runs.
 */
@Tag(BundleApiserver.TAG)
class GitlabTierOnTheBundleApiserverTest {
  private static final String ADDRESS = "10.213.97.11";
  private static final String STAND_IN = "kubeyard.test/stand-in/";

  @TempDir
  Path tmp;

  static String spec(String version) {
    return """
        apiVersion: kubeyard.dev/v1alpha1
        kind: Cluster
        metadata: {name: gitlabtier}
        kubernetes: {version: %s}
        hosts:
          - {name: m1, address: %s, roles: [etcd, master]}
          - {name: n1, address: 10.213.97.12, roles: [node]}
          - {name: n2, address: 10.213.97.13, roles: [node]}
        apps:
          gitlab:
            host: gitlab.lab.test
            images:
              webservice: %3$sgitlab-webservice-ee:v17.11.0
              workhorse: %3$sgitlab-workhorse-ee:v17.11.0
              sidekiq: %3$sgitlab-sidekiq-ee:v17.11.0
              gitlabShell: %3$sgitlab-shell:v14.41.0
              gitaly: %3$sgitaly:v17.11.0
              toolbox: %3$sgitlab-toolbox-ee:v17.11.0
        """.formatted(version, ADDRESS, STAND_IN);
  }

  @Test
  void onTheCurrentLineEveryObjectIsStoredWithoutAWarningAndEveryPodIsAdmittedAsRestricted() throws Exception {
    try (BundleApiserver api = BundleApiserver.start(tmp.resolve("api"), "gl135", ADDRESS, spec("1.35.8"))) {
      GitlabTier t = GitlabTier.of(api.facts(), GitlabTierManifestsGoldenTest.OBJECT_STORAGE);
      List<String> outputs = applyTheTier(api, t);
      assertThat(outputs).noneSatisfy(out -> assertThat(out).containsIgnoringCase("warning"));
      assertStored(api);
      assertThat(api.kubectlOk("get", "namespace", "gitlab", "-o",
          "jsonpath={.metadata.labels.pod-security\\.kubernetes\\.io/enforce}").output()).isEqualTo("restricted");
      // no controller-manager here: the service account its token controller would create comes by hand
      api.kubectlOk("create", "serviceaccount", "default", "-n", "gitlab");
      List<ObjectNode> pods = new ArrayList<>();
      for (Manifest m : GitlabTierManifests.render(t)) {
        pods.addAll(PlatformManifests.pods(m.yaml()));
        if (m.kind().equals("Job")) {
          pods.add(jobPod(m.object()));
        }
      }
      assertThat(pods).hasSize(6);
      for (ObjectNode pod : pods) {
        Path json = Files.writeString(tmp.resolve(pod.at("/metadata/name").asText() + ".json"), pod.toPrettyString());
        Proc.Result r = api.kubectl("create", "--dry-run=server", "-o", "name", "-f", json.toString());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).as(pod.at("/metadata/name").asText()).doesNotContainIgnoringCase("warning");
      }
    }
  }

  @Test
  void onThe114LineEveryObjectPassesTheServersSchemaAndIsStored() throws Exception {
    Path bin = Kubernetes114Binaries.folder();
    Assumptions.assumeTrue(Files.isExecutable(bin.resolve("kube-apiserver")),
        "no Kubernetes 1.14.10 binaries in " + bin + ": tools/k8s-builder-1.14/build.sh builds them");
    try (BundleApiserver api = BundleApiserver.start(tmp.resolve("api"), "gl114", ADDRESS, spec("1.14.10"),
        Kubernetes114Binaries::command)) {
      assertThat(api.kubectlOk("version", "--short").output()).contains("Server Version: v1.14.10");
      GitlabTier t = GitlabTier.of(api.facts(), GitlabTierManifestsGoldenTest.OBJECT_STORAGE);
      List<String> outputs = applyTheTier(api, t);
      assertThat(outputs).noneSatisfy(out -> assertThat(out).containsIgnoringCase("warning"));
      assertStored(api);
      assertThat(api.kubectlOk("get", "poddisruptionbudgets.v1beta1.policy", "-n", "gitlab", "-o", "name").output()
          .lines().count()).isEqualTo(3);
      // the check is real: the current line's webservice (a startup probe) is refused by 1.14's schema
      Manifest current = GitlabTierManifests.render(GitlabTier.of(
          ClusterFacts.of(Specs.current()), GitlabTierManifestsGoldenTest.OBJECT_STORAGE))
          .stream().filter(m -> m.file().equals("deployment-webservice.yaml")).findFirst().orElseThrow();
      Path file = Files.writeString(tmp.resolve("current-line-webservice.yaml"), current.yaml());
      Proc.Result refused = api.kubectl("apply", "--dry-run", "-f", file.toString());
      assertThat(refused.exit()).isNotZero();
      assertThat(refused.output()).contains("unknown field \"startupProbe\"");
    }
  }

  /** Traefik's CRDs as the addon applies them, the namespace, the stand-in data tier, the Secrets, the tier. */
  private List<String> applyTheTier(BundleApiserver api, GitlabTier t) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("manifests"));
    String crds = Files.writeString(dir.resolve("00-ingress-crds.yaml"),
        PlatformManifests.addons(new RenderContext(api.facts(), Specs.TEST_SECRETS)).get("ingress-crds.yaml")).toString();
    api.kubectlOk("apply", "-f", crds);
    api.kubectlOk("wait", "--for", "condition=established", "--timeout=60s", "-f", crds);
    List<Manifest> all = new ArrayList<>(GitlabTierManifests.render(t));
    all.addAll(1, TierSecrets.all(t, new SecureRandom()));
    all.addAll(1, standInDataTier(t));
    List<String> outputs = new ArrayList<>();
    for (Manifest m : all) {
      Path file = Files.writeString(dir.resolve(m.file()), m.yaml());
      outputs.add(api.kubectlOk("apply", "-f", file.toString()).output());
    }
    return outputs;
  }

  private static void assertStored(BundleApiserver api) {
    assertThat(api.kubectlOk("get", "deployments.apps", "-n", "gitlab", "-o", "name").output().lines().sorted().toList())
        .containsExactly("deployment.apps/gitlab-shell", "deployment.apps/gitlab-sidekiq", "deployment.apps/gitlab-toolbox",
            "deployment.apps/gitlab-webservice");
    assertThat(api.kubectlOk("get", "statefulset", "gitlab-gitaly", "-n", "gitlab", "-o", "jsonpath={.spec.replicas}")
        .output()).isEqualTo("1");
    assertThat(api.kubectlOk("get", "job", "gitlab-migrations-17-11-0", "-n", "gitlab", "-o",
        "jsonpath={.spec.template.spec.containers[0].image}").output()).isEqualTo(STAND_IN + "gitlab-toolbox-ee:v17.11.0");
    assertThat(api.kubectlOk("get", "ingressroutetcp", "gitlab-shell-ssh", "-n", "gitlab", "-o",
        "jsonpath={.spec.entryPoints[0]}").output()).isEqualTo("gitlab-ssh");
    assertThat(api.kubectlOk("get", "ingress", "gitlab-webservice", "-n", "gitlab", "-o",
        "jsonpath={.spec.rules[0].host}").output()).isEqualTo("gitlab.lab.test");
    assertThat(api.kubectlOk("get", "secrets", "-n", "gitlab", "-o", "name").output().lines().count()).isEqualTo(9);
  }

  /** The data tier's agreed Secrets and CA, with stand-in values: ADR 42, 43 and 45 make the real ones. */
  private static List<Manifest> standInDataTier(GitlabTier t) {
    List<Manifest> out = new ArrayList<>();
    out.add(standIn(t, "Secret", GitlabTier.POSTGRES_PASSWORD_SECRET, "stringData", "password", "stand-in"));
    out.add(standIn(t, "Secret", GitlabTier.REDIS_PASSWORD_SECRET, "stringData", "password", "stand-in"));
    Manifest storage = standIn(t, "Secret", GitlabTier.OBJECT_STORAGE_SECRET, "stringData", "accesskey", "stand-in");
    ((ObjectNode) storage.object().path("stringData")).put("secretkey", "stand-in");
    out.add(storage);
    out.add(standIn(t, "ConfigMap", GitlabTier.POSTGRES_CA_CONFIGMAP, "data", "ca.crt", "stand-in"));
    return out;
  }

  private static Manifest standIn(GitlabTier t, String kind, String name, String field, String key, String value) {
    ObjectNode o = TierNames.object("v1", kind, name, "gitlab-stand-in", t);
    o.putObject(field).put(key, value);
    return new Manifest("stand-in-" + name + ".yaml", o);
  }

  private static ObjectNode jobPod(ObjectNode job) {
    ObjectNode pod = job.objectNode().put("apiVersion", "v1").put("kind", "Pod");
    ObjectNode meta = job.path("spec").path("template").path("metadata").deepCopy();
    meta.put("name", job.at("/metadata/name").asText()).put("namespace", job.at("/metadata/namespace").asText());
    pod.set("metadata", meta);
    pod.set("spec", job.path("spec").path("template").path("spec").deepCopy());
    return pod;
  }
}

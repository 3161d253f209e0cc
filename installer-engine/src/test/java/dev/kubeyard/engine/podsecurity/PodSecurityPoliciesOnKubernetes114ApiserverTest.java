package dev.kubeyard.engine.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.bundle.BundleApiserver;
import dev.kubeyard.engine.render.RenderContext;
import dev.kubeyard.engine.testing.Kubernetes114Binaries;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.engine.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PodSecurityPolicy admission on a real kube-apiserver 1.14.10 with the rendered flags and policies (ADR
 * 35). Pods are created as the controllers create them, impersonating the controller-manager's service
 * accounts (--use-service-account-credentials): every platform workload's pod is admitted, flannel's under
 * the privileged policy and every other one under restricted; a privileged pod is refused for an app
 * namespace's service account and admitted for flannel's; a root pod in an app namespace gets baseline.
 * Binaries: {@link Kubernetes114Binaries}.
 */
@Tag(BundleApiserver.TAG)
class PodSecurityPoliciesOnKubernetes114ApiserverTest {
  private static final int SUBNET = 89;
  private static final String SPEC = PlatformManifests.spec("podsecuritypolicy", "1.14.10", SUBNET);
  private static final String APP = "shop";
  /** The controller-manager's identities that create pods, by the workload kind they serve. */
  private static final Map<String, String> CONTROLLERS = Map.of("Deployment", "replicaset-controller",
      "DaemonSet", "daemon-set-controller", "StatefulSet", "statefulset-controller");

  @TempDir
  static Path tmp;

  @Test
  void platformPodsAreAdmittedAtTheNarrowestFittingPolicyAndAPrivilegedPodOnlyForFlannel() throws Exception {
    Path bin = Kubernetes114Binaries.folder();
    Assumptions.assumeTrue(Files.isExecutable(bin.resolve("kube-apiserver")), "no Kubernetes 1.14.10 binaries in "
        + bin + ": tools/k8s-builder-1.14/build.sh builds them (not part of the bundle build or CI yet)");
    try (BundleApiserver api = BundleApiserver.start(tmp.resolve("api"), "psp", PlatformManifests.master(SUBNET), SPEC,
        Kubernetes114Binaries::command)) {
      assertThat(api.kubectlOk("version", "--short").output()).contains("Server Version: v1.14.10");
      RenderContext ctx = new RenderContext(api.facts(), Specs.TEST_SECRETS);
      List<String> manifests = new ArrayList<>(PlatformManifests.addons(ctx).values());
      Path addons = PlatformManifests.write(tmp.resolve("addons"), PlatformManifests.addons(ctx));
      api.kubectlOk("apply", "-f", addons.resolve("ingress-crds.yaml").toString());
      api.kubectlOk("wait", "--for", "condition=established", "--timeout=60s", "crd", "--all");
      api.kubectlOk("apply", "-f", addons.toString());
      Map<String, Map<String, String>> apps = Map.of("elasticsearch", PlatformManifests.elasticsearch(api.facts()),
          "gateway", PlatformManifests.gateway(api.facts()));
      for (Map.Entry<String, Map<String, String>> app : apps.entrySet()) {
        Path dir = PlatformManifests.write(tmp.resolve(app.getKey()), app.getValue());
        api.kubectlOk("apply", "-f", dir.resolve("namespace.yaml").toString());
        api.kubectlOk("apply", "-f", dir.toString());
        manifests.addAll(app.getValue().values());
      }
      api.kubectlOk("create", "namespace", APP);
      for (String ns : PlatformManifests.defaultAccountNamespaces(api.facts(), APP)) {
        api.kubectlOk("create", "serviceaccount", "default", "-n", ns);
      }
      for (String account : api.kubectlOk("get", "serviceaccounts", "--all-namespaces", "-o",
          "jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}/{.metadata.uid}{\"\\n\"}{end}")
          .output().strip().split("\n")) {
        tokenFor(api, account.split("/"));
      }

      Map<String, String> admittedBy = new LinkedHashMap<>();
      for (String yaml : manifests) {
        Map<String, String> kinds = PlatformManifests.workloadKinds(yaml);
        for (ObjectNode pod : PlatformManifests.pods(yaml)) {
          String name = pod.path("metadata").path("name").asText();
          String ns = pod.path("metadata").path("namespace").asText();
          Proc.Result r = createAs(api, CONTROLLERS.get(kinds.get(name)), pod, ns + "-" + name);
          assertThat(r.exit()).as("%s/%s: %s", ns, name, r.output()).isZero();
          admittedBy.put(ns + "/" + name, policy(api, ns, name));
        }
      }
      assertThat(admittedBy).isEqualTo(Map.of("kube-system/kube-flannel-ds", "kubeyard-2-privileged",
          "kube-system/coredns", "kubeyard-0-restricted", "kube-system/metrics-server", "kubeyard-0-restricted",
          "kubeyard-ingress/traefik", "kubeyard-0-restricted", "elastic/elasticsearch-master", "kubeyard-0-restricted",
          "elastic/elasticsearch-data", "kubeyard-0-restricted", "elastic/elasticsearch-ingest", "kubeyard-0-restricted",
          "platform/platform-gateway", "kubeyard-0-restricted"));

      Proc.Result refused = createAs(api, "replicaset-controller", TestPods.privileged(APP, "default"), "app-privileged");
      assertThat(refused.exit()).as(refused.output()).isNotZero();
      assertThat(refused.output()).contains("Forbidden", "unable to validate against any pod security policy",
          "Privileged containers are not allowed", "Host network is not allowed");

      ObjectNode forFlannel = TestPods.privileged("kube-system", "flannel");
      ((ObjectNode) forFlannel.get("metadata")).put("name", "flannel-privileged");
      assertThat(createAs(api, "daemon-set-controller", forFlannel, "flannel-privileged").exit()).isZero();
      assertThat(policy(api, "kube-system", "flannel-privileged")).isEqualTo("kubeyard-2-privileged");

      assertThat(createAs(api, "replicaset-controller", TestPods.root(APP), "app-root").exit()).isZero();
      assertThat(policy(api, APP, "root")).isEqualTo("kubeyard-1-baseline");
      assertThat(createAs(api, "replicaset-controller", TestPods.restricted114(APP), "app-restricted").exit()).isZero();
      assertThat(policy(api, APP, "restricted")).isEqualTo("kubeyard-0-restricted");
    }
  }

  /** Creates the pod as a controller-manager controller does: its service account, which PSP authorises. */
  private static Proc.Result createAs(BundleApiserver api, String controller, ObjectNode pod, String file)
      throws Exception {
    Path json = Files.createDirectories(tmp.resolve("pods")).resolve(file + ".json");
    Files.writeString(json, pod.toPrettyString());
    return api.kubectl("--as", "system:serviceaccount:kube-system:" + controller,
        "--as-group", "system:serviceaccounts", "--as-group", "system:serviceaccounts:kube-system",
        "--as-group", "system:authenticated", "create", "-f", json.toString());
  }

  /**
   * 1.14 admits a pod that mounts its service account's token only once the token controller (in the
   * controller-manager, absent here) made one: a token Secret of the account, referenced by it.
   */
  private static void tokenFor(BundleApiserver api, String[] namespaceNameUid) throws Exception {
    String ns = namespaceNameUid[0];
    String name = namespaceNameUid[1];
    Path secret = Files.createDirectories(tmp.resolve("tokens")).resolve(ns + "-" + name + ".json");
    Files.writeString(secret, """
        {"apiVersion": "v1", "kind": "Secret", "type": "kubernetes.io/service-account-token",
         "metadata": {"name": "%s-token", "namespace": "%s", "annotations": {
           "kubernetes.io/service-account.name": "%s", "kubernetes.io/service-account.uid": "%s"}}}
        """.formatted(name, ns, name, namespaceNameUid[2]));
    api.kubectlOk("apply", "-f", secret.toString());
    api.kubectlOk("patch", "serviceaccount", name, "-n", ns, "-p",
        "{\"secrets\": [{\"name\": \"" + name + "-token\"}]}");
  }

  private static String policy(BundleApiserver api, String namespace, String pod) {
    return api.kubectlOk("get", "pod", pod, "-n", namespace, "-o",
        "jsonpath={.metadata.annotations.kubernetes\\.io/psp}").output().strip();
  }
}

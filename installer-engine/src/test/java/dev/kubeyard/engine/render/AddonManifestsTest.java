package dev.kubeyard.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.CertificateCatalogue;
import dev.kubeyard.engine.pki.CertificateRequest;
import dev.kubeyard.engine.pki.PkiNames;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.model.spec.ClusterSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The addon manifests parse as Kubernetes objects and keep the cluster's invariants on both lines. */
class AddonManifestsTest {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new JsonMapper();

  private static RenderContext context(String line) {
    return Specs.context(spec(line));
  }

  private static ClusterSpec spec(String line) {
    return line.equals("1.14") ? Specs.legacy() : Specs.current();
  }

  private static String file(RenderContext ctx, String host, String path) {
    return ClusterRenderer.render(ctx).stream().filter(f -> f.host().equals(host) && f.path().equals(path))
        .findFirst().orElseThrow(() -> new AssertionError("no " + path + " on " + host)).content();
  }

  private static List<JsonNode> objects(RenderContext ctx, String addon) {
    try {
      List<JsonNode> out = new ArrayList<>();
      YAML.readerFor(JsonNode.class).readValues(file(ctx, "master1", HostPaths.ADDONS + "/" + addon))
          .forEachRemaining(n -> out.add((JsonNode) n));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode object(RenderContext ctx, String addon, String kind, String name) {
    return objects(ctx, addon).stream()
        .filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + addon));
  }

  private static JsonNode container(JsonNode workload) {
    return workload.at("/spec/template/spec/containers/0");
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void addonsAreRenderedOnTheFirstMasterOnly() {
    List<RenderedFile> addons = ClusterRenderer.render(context("1.35")).stream()
        .filter(f -> f.path().startsWith(HostPaths.ADDONS + "/")).toList();
    assertThat(addons).extracting(RenderedFile::host).containsOnly("master1");
    assertThat(addons).extracting(RenderedFile::path).containsExactlyInAnyOrder(HostPaths.ADDONS + "/flannel.yaml",
        HostPaths.ADDONS + "/coredns.yaml", HostPaths.ADDONS + "/metrics-server.yaml",
        HostPaths.ADDONS + "/apiserver-to-kubelet-rbac.yaml", HostPaths.ADDONS + "/ingress-controller.yaml",
        HostPaths.ADDONS + "/ingress-crds.yaml", HostPaths.ADDONS + "/metallb-crds.yaml",
        HostPaths.ADDONS + "/metallb.yaml", HostPaths.ADDONS + "/metallb-memberlist.yaml",
        MetalLbFiles.POOL_DIR + "/address-pool.yaml", HostPaths.ADDONS + "/network-policies.yaml");
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void everyDocumentIsAnObjectOfAnApiTheLineServes(String line) {
    Set<String> served = Set.of("v1", "apps/v1", "rbac.authorization.k8s.io/v1", "apiregistration.k8s.io/v1");
    for (String addon : List.of("flannel.yaml", "coredns.yaml", "metrics-server.yaml", "apiserver-to-kubelet-rbac.yaml")) {
      assertThat(objects(context(line), addon)).as(addon).isNotEmpty().allSatisfy(o -> {
        assertThat(served).contains(o.path("apiVersion").asText());
        assertThat(o.path("kind").asText()).isNotBlank();
        assertThat(o.at("/metadata/name").asText()).isNotBlank();
      });
    }
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void flannelUsesThePodNetworkAndTheWindowsOverlaysVniAndPort(String line) throws IOException {
    RenderContext ctx = context(line);
    JsonNode cfg = object(ctx, "flannel.yaml", "ConfigMap", "kube-flannel-cfg");
    JsonNode net = JSON.readTree(cfg.at("/data/net-conf.json").asText());
    assertThat(net.path("Network").asText()).isEqualTo(ctx.facts().clusterCidr().toString()).isEqualTo("172.20.0.0/16");
    assertThat(net.at("/Backend/Type").asText()).isEqualTo("vxlan");
    assertThat(net.at("/Backend/VNI").asInt()).isEqualTo(4096);
    assertThat(net.at("/Backend/Port").asInt()).isEqualTo(4789);
    JsonNode windows = JSON.readTree(file(ctx, "win1", "C:/k/flannel/net-conf.json"));
    assertThat(windows.path("Network").asText()).isEqualTo(net.path("Network").asText());
    assertThat(windows.at("/Backend/VNI").asInt()).isEqualTo(net.at("/Backend/VNI").asInt());
    assertThat(windows.at("/Backend/Port").asInt()).isEqualTo(net.at("/Backend/Port").asInt());
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void flannelRunsOnEveryLinuxNodeWithoutCopyingCniBinaries(String line) {
    RenderContext ctx = context(line);
    JsonNode ds = object(ctx, "flannel.yaml", "DaemonSet", "kube-flannel-ds");
    JsonNode pod = ds.at("/spec/template/spec");
    assertThat(pod.path("hostNetwork").asBoolean()).isTrue();
    assertThat(pod.has("initContainers")).isFalse();
    assertThat(pod.at("/nodeSelector/kubernetes.io~1os").asText()).isEqualTo("linux");
    assertThat(pod.path("priorityClassName").asText()).isEqualTo("system-node-critical");
    assertThat(pod.path("tolerations")).hasSize(1);
    assertThat(pod.at("/tolerations/0/operator").asText()).isEqualTo("Exists");
    JsonNode c = container(ds);
    assertThat(texts(c.path("command"))).containsExactly("/opt/bin/flanneld");
    assertThat(texts(c.path("args"))).containsExactly("--ip-masq", "--kube-subnet-mgr");
    assertThat(texts(c.at("/securityContext/capabilities/add"))).containsExactly("NET_ADMIN", "NET_RAW");
    assertThat(c.findValuesAsText("name")).contains("POD_NAME", "POD_NAMESPACE", "EVENT_QUEUE_DEPTH");
    assertThat(c.path("volumeMounts").findValuesAsText("mountPath")).contains("/run/flannel", "/etc/kube-flannel/");
    // Before 1.17 the system-node-critical class may only be used in kube-system.
    assertThat(ds.at("/metadata/namespace").asText()).isEqualTo(line.equals("1.14") ? "kube-system" : "kube-flannel");
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void kubeDnsAnswersAtTheKubeletsClusterDnsAddress(String line) {
    RenderContext ctx = context(line);
    JsonNode svc = object(ctx, "coredns.yaml", "Service", "kube-dns");
    String dns = ctx.facts().dnsIp().toString();
    assertThat(svc.at("/spec/clusterIP").asText()).isEqualTo(dns).isEqualTo("10.68.0.2");
    String kubelet = line.equals("1.14") ? file(ctx, "node2", HostPaths.unit("kubelet"))
        : file(ctx, "node2", HostPaths.KUBELET_DIR + "/config.yaml");
    assertThat(kubelet).contains(line.equals("1.14") ? "--cluster-dns=" + dns : "- " + dns);
    assertThat(svc.at("/spec/ports").findValuesAsText("port")).containsExactly("53", "53", "9153");
    assertThat(svc.at("/spec/ports").findValuesAsText("protocol")).containsExactly("UDP", "TCP", "TCP");

    JsonNode deploy = object(ctx, "coredns.yaml", "Deployment", "coredns");
    assertThat(deploy.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(deploy.at("/spec/template/spec/affinity/podAntiAffinity").has("preferredDuringSchedulingIgnoredDuringExecution")).isTrue();
    assertThat(deploy.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
    String corefile = object(ctx, "coredns.yaml", "ConfigMap", "coredns").at("/data/Corefile").asText();
    int port = container(deploy).at("/ports/0/containerPort").asInt();
    assertThat(corefile).startsWith(".:" + port + " {").contains("kubernetes cluster.local in-addr.arpa ip6.arpa")
        .contains("forward . /etc/resolv.conf").contains("health :8080").contains("cache 30", "loop", "reload");
    assertThat(container(deploy).at("/livenessProbe/httpGet/port").asInt()).isEqualTo(8080);
    // both lines' CoreDNS (1.6.7, 1.13.1) have the ready plugin (ADR 33), so 1.14's Corefile drops 'upstream'
    assertThat(corefile).contains("ready :8181").doesNotContain("upstream");
    assertThat(container(deploy).at("/readinessProbe/httpGet/path").asText()).isEqualTo("/ready");
    assertThat(container(deploy).at("/readinessProbe/httpGet/port").asInt()).isEqualTo(8181);
    if (line.equals("1.14")) {
      assertThat(file(ctx, "master1", HostPaths.ADDONS + "/coredns.yaml")).doesNotContain("discovery.k8s.io");
    } else {
      JsonNode rules = object(ctx, "coredns.yaml", "ClusterRole", "system:coredns").path("rules");
      assertThat(rules).anySatisfy(r -> {
        assertThat(texts(r.path("apiGroups"))).containsExactly("discovery.k8s.io");
        assertThat(texts(r.path("resources"))).containsExactly("endpointslices");
      });
    }
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void metricsServerVerifiesKubeletCertificatesAgainstAMountedClusterCa(String line) {
    RenderContext ctx = context(line);
    JsonNode deploy = object(ctx, "metrics-server.yaml", "Deployment", "metrics-server");
    List<String> args = texts(container(deploy).path("args"));
    assertThat(args).contains("--kubelet-preferred-address-types=InternalIP").noneMatch(a -> a.contains("insecure"));
    String ca = args.stream().filter(a -> a.startsWith("--kubelet-certificate-authority=")).findFirst().orElseThrow()
        .substring("--kubelet-certificate-authority=".length());
    if (line.equals("1.14")) {
      assertThat(ca).isEqualTo(AddonFiles.SERVICE_ACCOUNT_CA); // mounted into every pod by the SA admission
    } else {
      String dir = container(deploy).path("volumeMounts").findValuesAsText("mountPath").stream()
          .filter(ca::startsWith).findFirst().orElseThrow();
      assertThat(dir).isEqualTo(AddonFiles.KUBELET_CA_DIR);
      assertThat(deploy.at("/spec/template/spec/volumes").findValuesAsText("name")).contains("kube-root-ca.crt");
    }
    // The CA verifies because every kubelet serving certificate carries its node's address.
    ClusterFacts facts = ctx.facts();
    List<CertificateRequest> certs = CertificateCatalogue.of(facts);
    facts.linuxHosts().stream().filter(dev.kubeyard.engine.facts.NodeRoles::runsLinuxKubelet).forEach(h ->
        assertThat(certs.stream().filter(r -> r.name().equals(PkiNames.kubelet(h.name()))).findFirst().orElseThrow()
            .subjectAltNames()).contains(h.address()));
    assertThat(objects(ctx, "metrics-server.yaml")).extracting(o -> o.path("kind").asText())
        .contains("ServiceAccount", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "Service", "Deployment")
        .doesNotContain("APIService"); // with its caBundle beside the serving Secret (MetricsServerTls), from the PKI
    assertThat(object(ctx, "metrics-server.yaml", "RoleBinding", "metrics-server-auth-reader").at("/roleRef/name").asText())
        .isEqualTo("extension-apiserver-authentication-reader");
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void noRenderedFileSkipsKubeletCertificateVerification(String line) {
    assertThat(ClusterRenderer.render(context(line))).allSatisfy(f ->
        assertThat(f.content()).as(f.path()).doesNotContain("--kubelet-insecure-tls"));
  }

  @Test
  void theApiserversKubeletClientUserMayUseTheKubeletApi() {
    RenderContext ctx = context("1.35");
    JsonNode binding = object(ctx, "apiserver-to-kubelet-rbac.yaml", "ClusterRoleBinding", "kubeyard:apiserver-kubelet-api-admin");
    CertificateRequest client = CertificateCatalogue.of(ctx.facts()).stream()
        .filter(r -> r.name().equals(PkiNames.APISERVER_KUBELET_CLIENT)).findFirst().orElseThrow();
    assertThat(binding.at("/roleRef/name").asText()).isEqualTo("system:kubelet-api-admin");
    assertThat(binding.at("/subjects/0/kind").asText()).isEqualTo("User");
    assertThat(binding.at("/subjects/0/name").asText()).isEqualTo(client.commonName());
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void addonsAndSandboxesRunTheContextsImages(String line) {
    AddonImages mine = new AddonImages("site.example/pause:9", "site.example/flannel:9", "site.example/coredns:9",
        "site.example/metrics-server:9", "site.example/traefik:9", "site.example/metallb-controller:9",
        "site.example/metallb-speaker:9", "site.example/kube-router:9");
    RenderContext ctx = context(line).withImages(mine);
    assertThat(container(object(ctx, "ingress-controller.yaml", "Deployment", "traefik")).path("image").asText())
        .isEqualTo(mine.traefik());
    assertThat(container(object(ctx, "flannel.yaml", "DaemonSet", "kube-flannel-ds")).path("image").asText())
        .isEqualTo(mine.flannel());
    assertThat(container(object(ctx, "coredns.yaml", "Deployment", "coredns")).path("image").asText())
        .isEqualTo(mine.coredns());
    assertThat(container(object(ctx, "metrics-server.yaml", "Deployment", "metrics-server")).path("image").asText())
        .isEqualTo(mine.metricsServer());
    assertThat(file(ctx, "node2", "/etc/containerd/config.toml")).contains("sandbox_image = \"site.example/pause:9\"");
    if (line.equals("1.14")) { // flags only: the kubelet names the sandbox image too
      assertThat(file(ctx, "node2", HostPaths.unit("kubelet"))).contains("--pod-infra-container-image=site.example/pause:9");
    }
  }

  @Test
  void defaultImagesAreTheBundlesForEachLine() {
    assertThat(context("1.35").images()).isEqualTo(new AddonImages("kubeyard.local/pause:1.0.0",
        "kubeyard.local/flannel:0.28.10", "kubeyard.local/coredns:1.13.1", "kubeyard.local/metrics-server:0.8.0",
        "kubeyard.local/traefik:3.6.12", "kubeyard.local/metallb-controller:0.15.2", "kubeyard.local/metallb-speaker:0.15.2",
        "kubeyard.local/kube-router:2.1.0"));
    assertThat(context("1.14").images()).isEqualTo(new AddonImages("kubeyard.local/pause:1.0.0",
        "kubeyard.local/flannel:0.15.1", "kubeyard.local/coredns:1.6.7", "kubeyard.local/metrics-server:0.4.4",
        "kubeyard.local/traefik:2.11.54", "kubeyard.local/metallb-controller:0.15.2", "kubeyard.local/metallb-speaker:0.15.2",
        "kubeyard.local/kube-router:2.1.0"));
  }

  @Test
  void aCoreDnsBefore15HasNoReadyPluginSoItsCorefileKeepsUpstreamAndItsReadinessIsHealth() {
    AddonImages d = AddonImages.defaults(context("1.14").version());
    RenderContext ctx = context("1.14").withImages(new AddonImages(d.pause(), d.flannel(), "kubeyard.local/coredns:1.3.1",
        d.metricsServer(), d.traefik(), d.metallbController(), d.metallbSpeaker(), d.kubeRouter()));

    String corefile = object(ctx, "coredns.yaml", "ConfigMap", "coredns").at("/data/Corefile").asText();
    assertThat(corefile).contains("upstream").doesNotContain("ready");
    assertThat(container(object(ctx, "coredns.yaml", "Deployment", "coredns")).at("/readinessProbe/httpGet/path").asText())
        .isEqualTo("/health");
  }

  @Test
  void theLegacyLineRunsContainerdWithOurPauseAndWithoutDockershimsNetworkFlags() {
    RenderContext ctx = context("1.14");
    String kubelet = file(ctx, "node2", HostPaths.unit("kubelet"));
    assertThat(file(ctx, "node2", "/etc/containerd/config.toml")).contains("sandbox_image = \"kubeyard.local/pause:1.0.0\"");
    assertThat(kubelet).contains("--pod-infra-container-image=kubeyard.local/pause:1.0.0", "--container-runtime=remote",
            "--container-runtime-endpoint=unix:///run/containerd/containerd.sock", "Requires=containerd.service")
        .doesNotContain("--network-plugin", "--cni-bin-dir", "--cni-conf-dir", "--hairpin-mode", "docker");
  }

  @Test
  void dockerOnTheLegacyLineKeepsDockershimsNetworkFlags() {
    ClusterSpec docker = Specs.example(y -> y.replace("# containerRuntime: containerd", "containerRuntime: docker"));
    String kubelet = file(Specs.context(docker), "node2", HostPaths.unit("kubelet"));
    assertThat(kubelet).contains("--container-runtime=docker", "--network-plugin=cni", "--cni-bin-dir=",
        "--cni-conf-dir=", "--hairpin-mode=hairpin-veth", "Requires=docker.service");
  }
}

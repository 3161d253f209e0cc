package dev.kubeyard.engine.netpol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeyard.engine.apps.elasticsearch.manifest.ElasticsearchDeployment;
import dev.kubeyard.engine.apps.elasticsearch.manifest.ElasticsearchManifests;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.bundle.BuiltBundle;
import dev.kubeyard.engine.bundle.BundleApiserver;
import dev.kubeyard.engine.render.ClusterRenderer;
import dev.kubeyard.engine.render.ClusterSecrets;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.engine.render.RenderContext;
import dev.kubeyard.engine.render.RenderedFile;
import dev.kubeyard.engine.testing.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle's kube-router-netpol against the bundle's real kube-apiserver, in the apiserver's network
 * namespace (its iptables and ipsets stay there): the rendered addon is accepted, and the controller
 * turns Elasticsearch's rendered policies into a firewall chain for a pod of that node, with the
 * gateway's pod IP in the allowed set and everything else rejected (ADR 39). No kubelet runs: the pods
 * are API objects whose status says where they run, and each is also a network namespace on a bridge in
 * the node's namespace (br_netfilter on, as on a node), so real connections to Elasticsearch's 9200 show
 * the verdict: the gateway's answered, another pod's refused.
 */
@Tag(BundleApiserver.TAG)
class KubeRouterOnTheBundleApiserverTest {
  private static final String ADDRESS = "10.213.87.11";
  private static final String ES_POD = "10.244.0.5";
  private static final String GATEWAY_POD = "10.244.0.7";
  private static final String OTHER_POD = "10.244.0.9";
  private static final String SPEC = """
      apiVersion: kubeyard.dev/v1alpha1
      kind: Cluster
      metadata: {name: krtest}
      kubernetes: {version: 1.35.8}
      network: {enforceNetworkPolicy: true}
      hosts:
        - {name: m1, address: %s, roles: [etcd, master, node]}
      apps:
        elasticsearch: {enabled: true, version: 7.17.29, namespace: elastic, masters: 1, data: 1, ingest: 0}
        pythonService: {enabled: true, namespace: platform, host: gateway.test, replicas: 2}
      """.formatted(ADDRESS);

  @TempDir
  static Path tmp;
  private static BundleApiserver api;

  @BeforeAll
  static void startApiserver() throws Exception {
    assumeTrue(Proc.available("ipset"), "needs Debian's ipset (and iptables) on this machine");
    api = BundleApiserver.start(tmp.resolve("api"), "krt", ADDRESS, SPEC);
  }

  @AfterAll
  static void stopApiserver() throws Exception {
    if (api != null) {
      api.close();
    }
  }

  private static void apply(String name, String yaml) throws Exception {
    Path f = Files.writeString(tmp.resolve(name), yaml);
    api.kubectlOk("apply", "-f", f.toString());
  }

  /** A pod object on m1 with the status a kubelet would report. */
  /** A pod's network: its own namespace, eth0 with {@code ip} on the node's bridge cni0. */
  private static String podNetwork(String name, String ip) {
    String pod = "krt-" + name;
    String node = api.namespace();
    Proc.Result r = Proc.run(null, "sh", "-c", String.join(" && ",
        "ip netns add " + pod,
        "ip link add kr" + name + " netns " + pod + " type veth peer name kr" + name + "b netns " + node,
        "ip -n " + pod + " link set kr" + name + " name eth0",
        "ip -n " + pod + " addr add " + ip + "/24 dev eth0",
        "ip -n " + pod + " link set eth0 up", "ip -n " + pod + " link set lo up",
        "ip -n " + node + " link set kr" + name + "b master cni0", "ip -n " + node + " link set kr" + name + "b up"));
    assertThat(r.exit()).as(r.output()).isZero();
    return pod;
  }

  /** GET http://ES_POD:9200/ from the pod's namespace: the status, or the error. */
  private static String knock(String pod) {
    return Proc.run(null, "ip", "netns", "exec", pod, "python3", "-c", "import urllib.request\ntry:\n"
        + "  print(urllib.request.urlopen('http://" + ES_POD + ":9200/', timeout=5).status)\n"
        + "except Exception as e:\n  print('refused', e)").output().strip();
  }

  private static void pod(String namespace, String name, String labels, String ip) throws Exception {
    api.kubectl("-n", namespace, "create", "serviceaccount", "default"); // no controller-manager makes it here
    apply(namespace + "-" + name + ".yaml", """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: %s, labels: %s}
        spec:
          nodeName: m1
          securityContext: {runAsNonRoot: true, runAsUser: 65535, seccompProfile: {type: RuntimeDefault}}
          containers:
            - name: c
              image: kubeyard.local/pause:1.0.0
              securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
        """.formatted(name, namespace, labels));
    api.kubectlOk("-n", namespace, "patch", "pod", name, "--subresource=status", "--type=merge", "-p",
        "{\"status\":{\"phase\":\"Running\",\"hostIP\":\"" + ADDRESS + "\",\"podIP\":\"" + ip + "\",\"podIPs\":[{\"ip\":\""
            + ip + "\"}]}}");
  }

  @Test
  void theControllerTurnsElasticsearchsPoliciesIntoAFirewallChainThatAdmitsOnlyTheGateway() throws Exception {
    RenderContext ctx = new RenderContext(api.facts(), ClusterSecrets.loadOrCreate(api.pki()));
    String addon = ClusterRenderer.render(ctx).stream().filter(f -> f.path().equals(HostPaths.ADDONS + "/kube-router.yaml"))
        .map(RenderedFile::content).findFirst().orElseThrow();
    apply("kube-router.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: kube-flannel}\n---\n" + addon);
    apply("node.yaml", "apiVersion: v1\nkind: Node\nmetadata: {name: m1}\n");
    api.kubectlOk("patch", "node", "m1", "--subresource=status", "--type=merge", "-p",
        "{\"status\":{\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"" + ADDRESS + "\"}]}}");
    ElasticsearchDeployment es = ElasticsearchDeployment.of(api.facts()).withApiserverSources(List.of("10.244.0.0"));
    for (Manifest m : ElasticsearchManifests.render(es, false)) {
      if (m.kind().equals("Namespace") || m.kind().equals("NetworkPolicy")) {
        apply(m.file(), m.yaml());
      }
    }
    api.kubectlOk("create", "namespace", "platform");
    pod("elastic", "elasticsearch-data-0", "{app.kubernetes.io/name: elasticsearch, app.kubernetes.io/instance: krtest,"
        + " kubeyard.dev/es-role: data}", ES_POD);
    pod("platform", "platform-gateway-0", "{app.kubernetes.io/name: platform-gateway,"
        + " app.kubernetes.io/instance: platform-gateway}", GATEWAY_POD);
    pod("platform", "other-0", "{app: other}", OTHER_POD);

    Proc.Result bridge = Proc.run(null, "sh", "-c", "ip -n " + api.namespace() + " link add cni0 type bridge && ip -n "
        + api.namespace() + " addr add 10.244.0.1/24 dev cni0 && ip -n " + api.namespace() + " link set cni0 up"
        + " && ip netns exec " + api.namespace() + " sysctl -qw net.bridge.bridge-nf-call-iptables=1");
    assertThat(bridge.exit()).as(bridge.output()).isZero();
    List<String> pods = List.of(podNetwork("es", ES_POD), podNetwork("gw", GATEWAY_POD), podNetwork("ot", OTHER_POD));
    try {
      Proc.run(null, "sh", "-c", "ip netns exec krt-es python3 -m http.server 9200 --bind " + ES_POD
          + " >/dev/null 2>&1 &");
      String open = "";
      for (int i = 0; i < 20 && !open.equals("200"); i++) { // the server binds within a second or two
        Thread.sleep(500);
        open = knock("krt-ot");
      }
      assertThat(open).as("before the controller runs, every pod reaches 9200").isEqualTo("200");
      enforce(pods);
    } finally {
      for (String p : pods) {
        Proc.run(null, "sh", "-c", "ip netns pids " + p + " | xargs -r kill -9; ip netns del " + p);
      }
    }
  }

  private static void enforce(List<String> pods) throws Exception {
    Path log = tmp.resolve("kube-router.log");
    Proc.Result started = Proc.run(null, "sh", "-c", "NODE_NAME=m1 ip netns exec " + api.namespace() + " "
        + BuiltBundle.command("kube-router-netpol") + " --kubeconfig=" + api.kubeconfig()
        + " --service-cluster-ip-range=" + api.facts().serviceCidr() + " --health-port=0 --iptables-sync-period=5s"
        + " >" + log + " 2>&1 & echo $!");
    assertThat(started.exit()).as(started.output()).isZero();
    String rules = "";
    long end = System.nanoTime() + 90_000_000_000L;
    while (!rules.contains("elasticsearch-from-gateway") && System.nanoTime() < end) {
      Thread.sleep(1_000);
      rules = Proc.run(null, "ip", "netns", "exec", api.namespace(), "iptables-save", "-t", "filter").output();
    }
    String sets = Proc.run(null, "ip", "netns", "exec", api.namespace(), "ipset", "list").output();
    System.out.println(Files.readString(log).lines().limit(20).reduce("", (a, b) -> a + b + "\n"));
    System.out.println(rules.lines().filter(l -> l.contains("KUBE-")).limit(40).reduce("", (a, b) -> a + b + "\n"));

    assertThat(rules).as("kube-router's chains, in the apiserver's namespace").contains(":KUBE-ROUTER-FORWARD",
        "elasticsearch-from-gateway", "elasticsearch-transport", "elasticsearch-from-apiserver");
    assertThat(rules).as("the Elasticsearch pod's firewall: what no policy admits is rejected")
        .containsPattern("-A KUBE-POD-FW-\\S+ .*-j REJECT");
    assertThat(rules).contains("-d " + ES_POD);
    assertThat(sets).as("the gateway's pod is in the source set of Elasticsearch's gateway flow").contains(GATEWAY_POD)
        .contains(ES_POD).doesNotContain(OTHER_POD);
    String allowed = knock("krt-gw");
    String denied = knock("krt-ot");
    System.out.println("gateway pod -> Elasticsearch 9200: " + allowed + "; other pod: " + denied);
    assertThat(allowed).as("the gateway's flow").isEqualTo("200");
    assertThat(denied).as("a pod no flow names").startsWith("refused");
    Proc.run(null, "kill", started.output().strip());
  }
}

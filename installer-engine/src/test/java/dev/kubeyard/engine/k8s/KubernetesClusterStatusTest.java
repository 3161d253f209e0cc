package dev.kubeyard.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.k8s.ClusterStatus.ComponentHealth;
import dev.kubeyard.engine.k8s.ClusterStatus.NodeStatus;
import dev.kubeyard.engine.k8s.ClusterStatus.PodStatus;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Kubernetes client against a loopback stand-in for kube-apiserver (none runs here yet). */
class KubernetesClusterStatusTest {
  @TempDir Path dir;
  private ApiServerStandIn apiserver;
  private ClusterStatus status;

  @BeforeEach
  void start() throws Exception {
    apiserver = new ApiServerStandIn()
        .json("/api/v1/nodes", "nodes.json")
        .json("/api/v1/namespaces", "namespaces.json")
        .json("/api/v1/namespaces/kube-system/pods", "pods-kube-system.json")
        .json("/api/v1/componentstatuses", "componentstatuses.json")
        .text("/api/v1/namespaces/kube-system/pods/coredns-7db6d8ff4d-x2x9q/log", 200,
            "[INFO] plugin/reload: Running configuration SHA512 = 591cf3\n.:53\nCoreDNS-1.11.3\n")
        .text("/readyz", 200, "[+]ping ok\n[+]etcd ok\n[-]poststarthook/rbac/bootstrap-roles failed: reason withheld\nreadyz check failed\n");
    status = KubernetesClusterStatus.fromKubeconfig(apiserver.kubeconfig(dir));
  }

  @AfterEach
  void stop() {
    apiserver.close();
  }

  @Test
  void readsEachNodesOsRolesVersionReadinessAndConditions() {
    List<NodeStatus> nodes = status.nodes();

    assertThat(nodes).extracting(NodeStatus::name).containsExactly("master1", "node3", "win1");
    NodeStatus master = nodes.get(0);
    assertThat(master.roles()).containsExactly("control-plane", "master");
    assertThat(master.kubeletVersion()).isEqualTo("v1.35.0");
    assertThat(master.ready()).isTrue();
    assertThat(master.internalIp()).isEqualTo("192.168.1.1");
    assertThat(nodes.get(1).roles()).as("1.14-era role label").containsExactly("node");
    assertThat(nodes.get(1).ready()).isFalse();
    assertThat(nodes.get(1).conditions()).singleElement()
        .satisfies(c -> assertThat(c.message()).contains("cni config uninitialized"));
    assertThat(nodes.get(2).os()).isEqualTo("windows");
  }

  @Test
  void sendsTheKubeconfigsBearerToken() {
    status.nodes();
    assertThat(apiserver.requests).anyMatch(r -> r.startsWith("/api/v1/nodes") && r.endsWith("auth=Bearer standin-token"));
  }

  @Test
  void listsNamespacesSortedAndPodsWithReadyContainersRestartsAndNode() {
    assertThat(status.namespaces()).containsExactly("default", "elastic", "kube-system");

    List<PodStatus> pods = status.pods("kube-system");

    assertThat(pods).extracting(PodStatus::name)
        .containsExactly("coredns-7db6d8ff4d-x2x9q", "kube-flannel-ds-8hxkq", "metrics-server-5f9f776df5-lq7wm");
    PodStatus flannel = pods.get(1);
    assertThat(flannel.readyContainers()).isEqualTo(1);
    assertThat(flannel.containers()).containsExactly("kube-flannel", "install-cni");
    assertThat(flannel.restarts()).isEqualTo(5);
    assertThat(flannel.node()).isEqualTo("node3");
    assertThat(pods.get(2).phase()).isEqualTo("Pending");
  }

  @Test
  void readsTheLastLinesOfAPodLog() {
    String log = status.podLog("kube-system", "coredns-7db6d8ff4d-x2x9q", "coredns", 200);

    assertThat(log).contains("CoreDNS-1.11.3");
    assertThat(apiserver.requests).anyMatch(r -> r.contains("/log?") && r.contains("tailLines=200")
        && r.contains("container=coredns"));
  }

  @Test
  void reportsTheApiserversChecksAndTheComponentStatuses() {
    List<ComponentHealth> health = status.components();

    assertThat(health).extracting(ComponentHealth::name).containsExactly("readyz/ping", "readyz/etcd",
        "readyz/poststarthook/rbac/bootstrap-roles", "scheduler", "etcd-0");
    assertThat(health.get(2).healthy()).isFalse();
    assertThat(health.get(4).detail()).contains("connection refused");
  }

  @Test
  void listsIngressesSortedWithTheirClassHostsAndAddress() {
    apiserver.json("/apis/networking.k8s.io/v1/ingresses", "ingresses-v1.json");

    assertThat(status.ingresses()).containsExactly(
        new ClusterStatus.IngressStatus("elastic", "elasticsearch", "traefik", List.of("search.example.com"), ""),
        new ClusterStatus.IngressStatus("platform", "platform-gateway", "traefik", List.of("gateway.example.com"),
            "192.168.1.100"));
  }

  @Test
  void readsIngressesFromV1beta1OnAnApiserverWithoutV1AndTheClassFromTheAnnotation() throws Exception {
    try (ApiServerStandIn old = new ApiServerStandIn()
        .json("/apis/networking.k8s.io/v1beta1/ingresses", "ingresses-v1beta1.json")) {
      Path kubeconfig = old.kubeconfig(Files.createDirectory(dir.resolve("old")));

      assertThat(KubernetesClusterStatus.fromKubeconfig(kubeconfig).ingresses()).containsExactly(
          new ClusterStatus.IngressStatus("platform", "platform-gateway", "traefik", List.of("gateway.example.com"), ""));
      assertThat(old.requests).extracting(r -> r.substring(0, r.indexOf(' '))).containsExactly(
          "/apis/networking.k8s.io/v1/ingresses", "/apis/networking.k8s.io/v1beta1/ingresses");
    }
  }

  @Test
  void fallsBackToHealthzOnA114ApiserverWithoutReadyz() throws Exception {
    try (ApiServerStandIn old = new ApiServerStandIn().text("/healthz", 200, "[+]ping ok\n[+]etcd ok\nhealthz check passed\n")) {
      Path kubeconfig = old.kubeconfig(Files.createDirectory(dir.resolve("old")));

      List<ComponentHealth> health = KubernetesClusterStatus.fromKubeconfig(kubeconfig).components();

      assertThat(health).extracting(ComponentHealth::name).containsExactly("healthz/ping", "healthz/etcd");
      assertThat(health).allMatch(ComponentHealth::healthy);
    }
  }

  @Test
  void aUserTheApiserverRefusesIsToldToUseTheAdminKubeconfig() {
    apiserver.text("/api/v1/nodes", 403, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":403}");

    assertThatThrownBy(status::nodes).isInstanceOf(ClusterStatusException.class)
        .hasMessageContaining("HTTP 403")
        .satisfies(e -> assertThat(((ClusterStatusException) e).hint()).contains("admin kubeconfig"));
  }

  @Test
  void anUnreachableApiserverFailsWithAHint() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Path kubeconfig = Files.writeString(dir.resolve("gone.kubeconfig"), Files.readString(apiserver.kubeconfig(dir))
        .replace(apiserver.url(), "http://127.0.0.1:" + closedPort));

    assertThatThrownBy(() -> KubernetesClusterStatus.fromKubeconfig(kubeconfig).nodes())
        .isInstanceOf(ClusterStatusException.class)
        .satisfies(e -> assertThat(((ClusterStatusException) e).hint()).contains("reachable"));
  }

  @Test
  void aFileThatIsNoKubeconfigIsRefusedWithAHint() throws Exception {
    Path notKubeconfig = Files.writeString(dir.resolve("cluster.yaml"), "apiVersion: kubeyard.dev/v1alpha1\nkind: Cluster\n");

    assertThatThrownBy(() -> KubernetesClusterStatus.fromKubeconfig(notKubeconfig).nodes())
        .isInstanceOf(ClusterStatusException.class)
        .satisfies(e -> assertThat(((ClusterStatusException) e).hint()).contains("kubeconfig"));
  }
}

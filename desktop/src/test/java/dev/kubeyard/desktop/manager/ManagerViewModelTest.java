package dev.kubeyard.desktop.manager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.engine.k8s.ClusterStatus.NodeStatus;
import dev.kubeyard.engine.k8s.ClusterStatus.PodStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The manager's logic against a stand-in cluster (see {@link ClusterStatusStandIn}). */
class ManagerViewModelTest {

  @Test
  void openingAKubeconfigLoadsNodesHealthAndTheKubeSystemPods() {
    ManagerViewModel vm = new ManagerViewModel(p -> new ClusterStatusStandIn(true), Threads.synchronous());

    vm.open(Path.of("admin.kubeconfig"));

    assertThat(vm.nodes()).extracting(NodeStatus::name).containsExactly("master1", "node1", "win1");
    assertThat(vm.components()).hasSize(3);
    assertThat(vm.namespaceProperty().get()).isEqualTo("kube-system");
    assertThat(vm.pods()).hasSize(2);
    assertThat(vm.errorProperty().get()).isEmpty();
  }

  @Test
  void openingAKubeconfigListsTheIngressesWithTheirHosts() {
    ManagerViewModel vm = new ManagerViewModel(p -> new ClusterStatusStandIn(true), Threads.synchronous());

    vm.open(Path.of("admin.kubeconfig"));

    assertThat(vm.ingresses()).extracting(i -> i.namespace() + "/" + i.name() + " " + i.ingressClass() + " " + i.hosts())
        .containsExactly("elastic/elasticsearch traefik [search.example.com]",
            "platform/platform-gateway traefik [gateway.example.com]");
  }

  @Test
  void selectingAPodShowsTheLastLinesOfItsFirstContainersLog() {
    ManagerViewModel vm = new ManagerViewModel(p -> new ClusterStatusStandIn(true), Threads.synchronous());
    vm.open(Path.of("admin.kubeconfig"));

    vm.selectedPodProperty().set(vm.pods().get(1));

    assertThat(vm.podLogProperty().get()).startsWith("log of kube-system/kube-flannel-ds-8hxkq (kube-flannel), last 500 lines");
  }

  @Test
  void aRefreshThatChangesThePodListKeepsTheSelectedPodAndItsLog() {
    ClusterStatusStandIn cluster = new ClusterStatusStandIn(true);
    ManagerViewModel vm = new ManagerViewModel(p -> cluster, Threads.synchronous());
    vm.open(Path.of("admin.kubeconfig"));
    vm.selectedPodProperty().set(vm.pods().get(1));

    cluster.restartFlannel();
    vm.pods().addListener((javafx.collections.ListChangeListener<PodStatus>) c -> vm.selectedPodProperty().set(null));
    vm.refresh();

    assertThat(vm.pods().get(1).restarts()).isEqualTo(6);
    assertThat(vm.selectedPodProperty().get()).isSameAs(vm.pods().get(1));
    assertThat(vm.podLogProperty().get()).startsWith("log of kube-system/kube-flannel-ds-8hxkq");
  }

  @Test
  void switchingNamespaceListsThatNamespacesPods() {
    ManagerViewModel vm = new ManagerViewModel(p -> new ClusterStatusStandIn(true), Threads.synchronous());
    vm.open(Path.of("admin.kubeconfig"));

    vm.namespaceProperty().set("default");

    assertThat(vm.pods()).isEmpty();
  }

  @Test
  void aClusterThatCannotBeReadShowsWhatFailedAndWhatToDo() {
    ManagerViewModel vm = new ManagerViewModel(p -> new ClusterStatusStandIn(false), Threads.synchronous());

    vm.open(Path.of("admin.kubeconfig"));

    assertThat(vm.errorProperty().get()).contains("Connection refused");
    assertThat(vm.errorHintProperty().get()).contains("reachable");
    assertThat(vm.loadingProperty().get()).isFalse();
  }

  @Test
  void everyApplicationHasATabAndElasticsearchFollowsTheOpenedClusterButNeedsASpecThatEnablesIt() {
    ManagerViewModel vm = new ManagerViewModel(p -> new ClusterStatusStandIn(true), Threads.synchronous(),
        (k, s) -> {
          throw new AssertionError("no spec enables Elasticsearch: nothing to connect to");
        });
    vm.elasticsearch().activeProperty().set(true);

    vm.open(Path.of("admin.kubeconfig"));

    assertThat(vm.apps()).containsExactly(AppKind.values());
    assertThat(vm.elasticsearch().kubeconfigProperty().get()).isEqualTo("admin.kubeconfig");
    assertThat(vm.elasticsearch().availabilityProperty().get())
        .isEqualTo(AppAvailability.NOT_ENABLED);
  }
}

package dev.kubeyard.desktop.manager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.testing.Fixtures;
import dev.kubeyard.engine.topology.Mark;
import dev.kubeyard.engine.topology.Tone;
import dev.kubeyard.engine.topology.TopologyDrawing;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.SpecYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Cluster tab's picture: the spec's topology, each kubelet coloured by what the cluster reports. */
class ClusterPictureViewModelTest {
  private static final ClusterSpec EXAMPLE = SpecYaml.read(Fixtures.exampleClusterYaml()).spec();

  private final ManagerViewModel vm = new ManagerViewModel(p -> new ClusterStatusStandIn(true), Threads.synchronous());

  @Test
  void beforeAClusterIsOpenedThePictureIsThePlannedOne() {
    vm.picture().specProperty().set(EXAMPLE);

    TopologyDrawing d = vm.picture().drawingProperty().get();
    assertThat(vm.picture().noSpecProperty().get()).isFalse();
    assertThat(box(d, "master-master1").tone()).isEqualTo(Tone.MASTER);
    assertThat(box(d, "vip").lines()).contains("first holder lb1 (priority 120)")
        .doesNotContain("holder now: not known to the API");
  }

  @Test
  void theNodesReadFromTheClusterColourTheirBoxesByReadiness() {
    vm.picture().specProperty().set(EXAMPLE);

    vm.open(Path.of("admin.kubeconfig"));

    TopologyDrawing d = vm.picture().drawingProperty().get();
    assertThat(box(d, "master-master1").tone()).isEqualTo(Tone.READY);
    assertThat(box(d, "worker-node1").tone()).isEqualTo(Tone.NOT_READY);
    assertThat(box(d, "worker-node1").lines()).contains("NotReady");
    assertThat(box(d, "worker-win1").lines()).contains("Windows worker", "Ready");
    assertThat(box(d, "worker-node2").lines()).contains("not reported");
  }

  @Test
  void readingTheNodesAgainRecoloursThePicture() {
    ClusterStatusStandIn cluster = new ClusterStatusStandIn(true);
    ManagerViewModel manager = new ManagerViewModel(p -> cluster, Threads.synchronous());
    manager.picture().specProperty().set(EXAMPLE);
    manager.open(Path.of("admin.kubeconfig"));
    int reads = cluster.nodeReads();
    assertThat(box(manager.picture().drawingProperty().get(), "worker-node1").tone()).isEqualTo(Tone.NOT_READY);

    cluster.node1BecomesReady();
    manager.refreshNodes();

    assertThat(box(manager.picture().drawingProperty().get(), "worker-node1").tone()).isEqualTo(Tone.READY);
    assertThat(cluster.nodeReads()).isEqualTo(reads + 1);
    assertThat(manager.loadingProperty().get()).isFalse();
  }

  @Test
  void unchangedNodesLeaveThePictureAsItWas() {
    vm.picture().specProperty().set(EXAMPLE);
    vm.open(Path.of("admin.kubeconfig"));
    TopologyDrawing before = vm.picture().drawingProperty().get();

    vm.refreshNodes();

    assertThat(vm.picture().drawingProperty().get()).isSameAs(before);
  }

  @Test
  void theVipHolderIsNotClaimedLiveOnlyTheFirstByPriority() {
    vm.picture().specProperty().set(EXAMPLE);
    vm.open(Path.of("admin.kubeconfig"));

    TopologyDrawing d = vm.picture().drawingProperty().get();
    assertThat(box(d, "vip").lines()).contains("first holder lb1 (priority 120)", "holder now: not known to the API");
  }

  @Test
  void aSpecThatIsNotValidHasNoPictureAndSaysWhy() throws Exception {
    vm.picture().specProperty().set(EXAMPLE);
    vm.picture().specProperty().set(SpecYaml.parse(Files.readString(Fixtures.exampleClusterYaml())
        .replace("vip: 192.168.1.10", "vip: not-an-ip")).spec());

    assertThat(vm.picture().drawingProperty().get()).isNull();
    assertThat(vm.picture().noSpecProperty().get()).isTrue();
  }

  @Test
  void aNodeIsMatchedByItsAddressWhenItRegisteredUnderAnotherName() {
    var live = ClusterPictureViewModel.liveState(java.util.List.of(new dev.kubeyard.engine.k8s.ClusterStatus.NodeStatus(
        "ip-192-168-1-4", "linux", java.util.List.of(), "v1.35.0", true, "192.168.1.4", java.util.List.of())));
    vm.picture().specProperty().set(EXAMPLE);
    var t = dev.kubeyard.engine.pipeline.PlanPipeline.topology(dev.kubeyard.model.validate.Validator.requireValid(EXAMPLE));

    assertThat(live.ready(t.workers().stream().filter(h -> h.name().equals("node2")).findFirst().orElseThrow())).isTrue();
  }

  private static Mark.Box box(TopologyDrawing d, String id) {
    return d.marks().stream().filter(m -> m instanceof Mark.Box b && b.id().equals(id)).map(m -> (Mark.Box) m)
        .findFirst().orElseThrow(() -> new AssertionError("no box " + id));
  }
}

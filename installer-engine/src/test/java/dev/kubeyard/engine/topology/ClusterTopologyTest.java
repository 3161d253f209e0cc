package dev.kubeyard.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.engine.topology.ClusterTopology.Backend;
import org.junit.jupiter.api.Test;

/** The topology says what the rendered lb files do: the same servers behind each frontend, the same priorities. */
class ClusterTopologyTest {
  private final ClusterTopology t = ClusterTopology.of(ClusterFacts.of(Specs.current()));

  @Test
  void haproxySendsTheApiToEveryMasterAndIngressToTheLinuxWorkersOnly() {
    assertThat(t.frontends()).extracting(ClusterTopology.Frontend::port).containsExactly(8443, 80, 443, 1433);
    assertThat(t.frontends().get(0).backends()).containsExactly(new Backend("master1", "192.168.1.1", 6443),
        new Backend("master2", "192.168.1.2", 6443), new Backend("master3", "192.168.1.7", 6443));
    assertThat(t.frontends().get(1).backends()).extracting(Backend::host).containsExactly("node1", "node2", "node3");
    assertThat(t.frontends().get(2).backends()).extracting(Backend::port).containsOnly(23457);
  }

  @Test
  void sqlServersTcpPortIsOneMoreFrontendToTheControllersTcpNodePortOnTheLinuxWorkers() {
    ClusterTopology.Frontend sql = t.frontends().get(3);
    assertThat(sql.name()).isEqualTo("sqlserver");
    assertThat(sql.backends()).extracting(Backend::port).containsOnly(23458);
    assertThat(sql.backends()).extracting(Backend::host).containsExactly("node1", "node2", "node3");
    ClusterTopology without = ClusterTopology.of(ClusterFacts.of(
        Specs.example(y -> y.replace("    exposeTcpPort: 1433", "    # no TCP port"))));
    assertThat(without.frontends()).extracting(ClusterTopology.Frontend::name)
        .containsExactly("kube-apiserver", "ingress-http", "ingress-https");
  }

  @Test
  void theVipHoldersAreTheLbHostsInKeepalivedPriorityOrder() {
    assertThat(t.vip().holders()).extracting(ClusterTopology.Host::name, ClusterTopology.Host::priority)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("lb1", 120), org.assertj.core.groups.Tuple.tuple("lb2", 110));
    assertThat(t.vip().firstHolder().name()).isEqualTo("lb1");
  }

  @Test
  void theAppsRunOnTheUntaintedLinuxWorkersAndWindowsIsMarked() {
    assertThat(t.apps()).extracting(ClusterTopology.App::name)
        .containsExactly("Elasticsearch", "SQL Server", "GitLab", "Python service");
    assertThat(t.apps()).allSatisfy(a -> assertThat(a.runsOn()).containsExactly("node1", "node2", "node3"));
    assertThat(t.workers()).filteredOn(ClusterTopology.Host::windows).extracting(ClusterTopology.Host::name)
        .containsExactly("win1");
    assertThat(t.etcd()).extracting(ClusterTopology.Host::name).containsExactly("master1", "master2", "master3");
  }

  @Test
  void everyHostIsNamedOnce() {
    assertThat(t.allHosts()).extracting(ClusterTopology.Host::name)
        .containsExactly("lb1", "lb2", "master1", "master2", "master3", "node1", "node2", "node3", "win1");
  }
}

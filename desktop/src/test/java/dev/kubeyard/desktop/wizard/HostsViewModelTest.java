package dev.kubeyard.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.testing.Fixtures;
import dev.kubeyard.desktop.wizard.draft.HostDraft;
import dev.kubeyard.desktop.wizard.hosts.HostsViewModel;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.validate.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HostsViewModelTest {
  private final WizardViewModel wizard = new WizardViewModel(Threads.synchronous());
  private final HostsViewModel hosts = wizard.hosts;

  @BeforeEach
  void newCluster() {
    wizard.start.newCluster();
  }

  @Test
  void anAddedHostGetsAFreeNameTheNodeRoleAndTheSelection() {
    hosts.addHost();
    hosts.addHost();

    assertThat(hosts.hosts()).extracting(h -> h.name.get()).containsExactly("host1", "host2");
    assertThat(hosts.hosts().get(1).roles()).containsExactly(Role.NODE);
    assertThat(hosts.selectedProperty().get()).isEqualTo(1);
    assertThat(hosts.pathOf("address").get()).isEqualTo("hosts[1].address");
  }

  @Test
  void removingTheSelectedHostSelectsItsNeighbour() {
    hosts.addHost();
    hosts.addHost();
    hosts.addHost();
    hosts.selectedProperty().set(2);

    hosts.removeSelected();

    assertThat(hosts.hosts()).hasSize(2);
    assertThat(hosts.selectedProperty().get()).isEqualTo(1);
  }

  @Test
  void importingTheCsvFixtureAddsItsHostsWithRolesAndSsh() {
    hosts.importFile(Fixtures.file("hosts.csv"));

    assertThat(hosts.hosts()).extracting(h -> h.name.get())
        .containsExactly("lb1", "lb2", "master1", "master2", "node1", "node2", "node3");
    HostDraft node3 = hosts.hosts().get(6);
    assertThat(node3.sshPort.get()).isEqualTo("2222");
    assertThat(node3.sshPasswordFrom.get()).isEqualTo("env:NODE3_PASSWORD");
    assertThat(hosts.hosts().get(2).roles()).containsExactly(Role.ETCD, Role.MASTER);
    assertThat(hosts.importSummaryProperty().get()).isEqualTo("7/7");
  }

  @Test
  void aHostWithABadAddressIsAProblemOnItsRowAndField() {
    hosts.importCsv(Fixtures.text("hosts.csv"));
    hosts.hosts().get(3).address.set("192.168.1.300");

    assertThat(hosts.problemsOfRow(3)).extracting(Problem::path).containsExactly("hosts[3].address");
    assertThat(hosts.problemsOfRow(2)).isEmpty();
  }

  @Test
  void tooFewEtcdMembersForAnHaClusterIsAProblemOfTheWholeList() {
    hosts.importCsv(Fixtures.text("hosts.csv"));
    hosts.hosts().get(4).role(Role.ETCD).set(false);

    assertThat(hosts.listProblems()).extracting(Problem::value).contains("2 etcd");
  }

  @Test
  void acceptedHostKeysGoToKnownHostsInTheWorkspace() {
    assertThat(hosts.knownHosts().toString()).endsWith(".kubeyard/known_hosts");
  }
}

package dev.kubeyard.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.wizard.hosts.HostCsv;
import dev.kubeyard.model.spec.OsFamily;
import dev.kubeyard.model.spec.Role;
import org.junit.jupiter.api.Test;

class HostCsvTest {

  @Test
  void onlyNameAndAddressAreRequiredAndWindowsHostsLogInAsAdministrator() {
    HostCsv.Parsed parsed = HostCsv.parse("node9,10.0.0.9\nwin2,10.0.0.20,windows,node\n");

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.hosts().get(0).roles()).containsExactly(Role.NODE);
    assertThat(parsed.hosts().get(0).sshUser.get()).isEqualTo("root");
    assertThat(parsed.hosts().get(1).os.get()).isEqualTo(OsFamily.WINDOWS);
    assertThat(parsed.hosts().get(1).sshUser.get()).isEqualTo("Administrator");
  }

  @Test
  void rolesMaySplitOnSemicolonsBarsOrSpaces() {
    HostCsv.Parsed parsed = HostCsv.parse("m1,10.0.0.1,linux,etcd|master node\n");

    assertThat(parsed.hosts().get(0).roles()).containsExactly(Role.ETCD, Role.MASTER, Role.NODE);
  }

  @Test
  void unreadableLinesAreSkippedAndNamedByLineNumber() {
    HostCsv.Parsed parsed = HostCsv.parse("name,address\nok,10.0.0.1\nonlyname\nx,10.0.0.2,linux,worker\n");

    assertThat(parsed.hosts()).hasSize(1);
    assertThat(parsed.errors()).containsExactly("line 3: needs at least name and address",
        "line 4: unknown role 'worker'; use one of etcd, master, node, lb");
  }
}

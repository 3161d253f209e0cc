package dev.kubeyard.engine.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.transport.SshTarget;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.OsFamily;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.spec.SshSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host's OS in the spec chooses its shell, and each shell knows its own paths and quoting. */
class HostShellTest {
  private static HostSpec host(OsFamily os) {
    return new HostSpec("h", "10.0.0.1", os, List.of(Role.NODE), new SshSpec("root", 22, null, null));
  }

  @Test
  void theSpecsOsChoosesTheShellTheTransportSpeaks() {
    assertThat(SshTarget.of(host(OsFamily.WINDOWS)).shell()).isInstanceOf(PowerShellOverSsh.class);
    assertThat(SshTarget.of(host(OsFamily.LINUX)).shell()).isInstanceOf(PosixShell.class);
    assertThat(new SshTarget("h", "10.0.0.1", 22, "root", null, null).shell().os()).isEqualTo(OsFamily.LINUX);
  }

  @Test
  void aFailedVerifyPointsAtTheJournalOnLinuxAndAtTheEventLogOnWindows() {
    assertThat(HostShell.of(OsFamily.LINUX).howToInspect(List.of("etcd"))).isEqualTo("journalctl -u etcd");
    assertThat(HostShell.of(OsFamily.WINDOWS).howToInspect(List.of("kubelet", "kube-proxy")))
        .isEqualTo("Get-Service kubelet,kube-proxy; Get-WinEvent -LogName System -MaxEvents 50")
        .doesNotContain("journalctl");
  }

  @Test
  void eachShellKnowsItsAbsolutePaths() {
    HostShell posix = HostShell.of(OsFamily.LINUX);
    HostShell windows = HostShell.of(OsFamily.WINDOWS);
    assertThat(posix.isAbsolute("/etc/a")).isTrue();
    assertThat(posix.isAbsolute("C:/k")).isFalse();
    assertThat(windows.isAbsolute("C:/k/a")).isTrue();
    assertThat(windows.isAbsolute("c:\\k\\a")).isTrue();
    assertThat(windows.isAbsolute("/etc/a")).isFalse();
  }

  @Test
  void powerShellDoublesASingleQuoteAndTheEncodedCommandCarriesAnyScript() {
    HostShell windows = HostShell.of(OsFamily.WINDOWS);
    assertThat(windows.quote("it's")).isEqualTo("'it''s'");
    assertThat(windows.quote("it\u2019s")).as("a typographic quote ends a string too").isEqualTo("'it\u2019\u2019s'");
    String script = "Write-Output \"a \\\"quoted\\\" & | < > ^ % ü\"\n$x = 'it''s'";
    assertThat(PowerShellOverSsh.scriptOf(windows.commandLine(script))).isEqualTo(script);
  }

  @Test
  void aWindowsCheckCannotTakeAPosixCommand() {
    assertThatThrownBy(() -> HostShell.of(OsFamily.WINDOWS).succeeds("test -e /x"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("test -e /x");
  }
}

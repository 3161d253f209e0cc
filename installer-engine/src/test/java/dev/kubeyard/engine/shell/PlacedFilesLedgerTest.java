package dev.kubeyard.engine.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.model.spec.OsFamily;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hosts' ledger of placed files (ADR 46), its scripts run by the real sh on this machine. */
class PlacedFilesLedgerTest {
  private static final HostShell SH = HostShell.of(OsFamily.LINUX);
  private static final String FAILING_HASHER = "#!/bin/sh\necho 'sha256sum was called' >&2\nexit 1\n";

  @TempDir Path root;
  ThisMachineAsHost host;
  String file;

  @BeforeEach
  void place() {
    host = new ThisMachineAsHost(root);
    file = root.resolve("etc/kubernetes/a.conf").toString();
    host.place(SH, file, "apiVersion: v1\n", 0640);
  }

  @Test
  void aFileThePlanPlacedPassesItsCheckWithoutBeingHashed() throws Exception {
    host.executable("sha256sum", FAILING_HASHER);
    assertThat(host.run(SH.fileIs(file, ThisMachineAsHost.sha256("apiVersion: v1\n"), 0640)).exit()).isZero();
    assertThat(host.run(SH.contentIs(file, ThisMachineAsHost.sha256("apiVersion: v1\n"))).exit()).isZero();
  }

  @Test
  void withVerifyTheCheckHashesTheFileWhateverTheLedgerSays() throws Exception {
    String check = SH.fileIs(file, ThisMachineAsHost.sha256("apiVersion: v1\n"), 0640);
    assertThat(host.run(check, null, true).exit()).as("the real sha256sum").isZero();
    host.executable("sha256sum", FAILING_HASHER);
    ThisMachineAsHost.Result r = host.run(check, null, true);
    assertThat(r.exit()).isNotZero();
    assertThat(r.output()).contains("sha256sum was called");
  }

  @Test
  void aHandEditThatKeepsTheSizeIsFound() throws Exception {
    Thread.sleep(50); // the kernel's file clock ticks every few ms: an edit in the placement's own tick is the known blind spot (ADR 46)
    try (RandomAccessFile f = new RandomAccessFile(file, "rw")) {
      f.seek(0);
      f.write('A'); // "ApiVersion": same size, same inode, written in place
    }
    assertThat(host.run(SH.fileIs(file, ThisMachineAsHost.sha256("apiVersion: v1\n"), 0640)).exit()).isNotZero();
    assertThat(host.run(SH.contentIs(file, ThisMachineAsHost.sha256("apiVersion: v1\n"))).exit()).isNotZero();
  }

  @Test
  void aFileWithTheRightContentButAnotherModeFailsTheFileCheckOnly() throws Exception {
    host.run("chmod 0644 " + file);
    assertThat(host.run(SH.fileIs(file, ThisMachineAsHost.sha256("apiVersion: v1\n"), 0640)).exit()).isNotZero();
    assertThat(host.run(SH.contentIs(file, ThisMachineAsHost.sha256("apiVersion: v1\n"))).exit()).isZero();
  }

  @Test
  void aFileTheLedgerDoesNotKnowIsHashedAndStillPassesWhenRight() throws Exception {
    Files.delete(root.resolve("var/lib/kubeyard/placed"));
    String check = SH.fileIs(file, ThisMachineAsHost.sha256("apiVersion: v1\n"), 0640);
    assertThat(host.run(check).exit()).isZero();
    host.executable("sha256sum", FAILING_HASHER);
    assertThat(host.run(check).exit()).as("without a line the content must be hashed").isNotZero();
  }

  @Test
  void placingAFileAgainReplacesItsLineAndKeepsTheOthers() throws Exception {
    String other = root.resolve("etc/kubernetes/b.conf").toString();
    host.place(SH, other, "b\n", 0600);
    host.place(SH, file, "apiVersion: v2\n", 0640);
    List<String> lines = Files.readAllLines(root.resolve("var/lib/kubeyard/placed"));
    assertThat(lines).hasSize(2);
    assertThat(lines).anyMatch(l -> l.startsWith(other + "|" + ThisMachineAsHost.sha256("b\n") + "|") && l.endsWith("|600"));
    assertThat(lines).anyMatch(l -> l.startsWith(file + "|" + ThisMachineAsHost.sha256("apiVersion: v2\n") + "|"));
    assertThat(host.run(SH.fileIs(file, ThisMachineAsHost.sha256("apiVersion: v1\n"), 0640)).exit()).isNotZero();
  }

  @Test
  void resetRemovesTheLedgerWithTheFiles() throws Exception {
    assertThat(host.run(SH.stopAndRemove(List.of("etcd"), List.of(file))).exit()).isZero();
    assertThat(root.resolve("var/lib/kubeyard/placed")).doesNotExist();
    assertThat(Path.of(file)).doesNotExist();
  }
}

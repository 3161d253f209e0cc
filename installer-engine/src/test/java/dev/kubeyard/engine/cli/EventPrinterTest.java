package dev.kubeyard.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.run.InstallEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventPrinterTest {
  private static final Instant AT = Instant.parse("2026-11-25T20:00:00Z");

  private static String print(boolean verbose, InstallEvent... events) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EventPrinter p = new EventPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), verbose);
    for (InstallEvent e : events) {
      p.on(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aFailedStepIsPrintedWithHostStepEvidenceWhatToDoAndTheLog() {
    String out = print(false,
        new InstallEvent.PhaseStarted(AT, Phase.ETCD),
        new InstallEvent.StepFailed(AT, "master2", Phase.ETCD, "start-etcd", "verify failed: exited 1\netcd: unhealthy",
            "look at journalctl -u etcd", "/plan/logs/master2.log"),
        new InstallEvent.RunFinished(AT, InstallEvent.Outcome.FAILED, "start-etcd failed on master2"));
    assertThat(out).contains("== etcd ==")
        .contains("master2   start-etcd                 FAILED")
        .contains("      etcd: unhealthy")
        .contains("what to do: look at journalctl -u etcd")
        .contains("full log:   /plan/logs/master2.log")
        .endsWith("FAILED: start-etcd failed on master2\n");
  }

  @Test
  void commandOutputIsPrintedOnlyWhenVerbose() {
    InstallEvent line = new InstallEvent.LogLine(AT, "node1", "start-node", "kubelet: started");
    assertThat(print(false, line)).isEmpty();
    assertThat(print(true, line)).contains("node1").contains("kubelet: started");
  }

  @Test
  void aMultiLineScriptKeepsItsLaterLinesUnderItsFirst() {
    InstallEvent line = new InstallEvent.LogLine(AT, "node1", "preflight", "run p=0\nexit $p");
    assertThat(print(true, line)).isEqualTo("  node1     run p=0\n            exit $p\n");
  }
}

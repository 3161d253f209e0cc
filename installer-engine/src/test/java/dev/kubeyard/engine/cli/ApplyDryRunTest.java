package dev.kubeyard.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.testing.Specs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeyard apply --dry-run}: the real executor over a rehearsal, printing what would run. */
class ApplyDryRunTest {
  @TempDir Path tmp;

  @Test
  void aDryRunWalksEveryStepPrintsItsCommandsAndTouchesNoHost() throws Exception {
    // the example's hosts (192.168.1.x) are not on this machine: a real apply could not connect to any
    Path spec = Files.writeString(tmp.resolve("cluster.yaml"), Specs.exampleYaml());
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    int exit;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    // an empty cache: a bundle built on this machine for the example's line must not decide what a dry run sees
    System.setProperty("kubeyard.cache", tmp.resolve("empty-cache").toString());
    try {
      exit = Main.run("apply", "--dry-run", "-f", spec.toString());
    } finally {
      System.setOut(stdout);
      System.clearProperty("kubeyard.cache");
    }

    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(out).isZero();
    assertThat(out).contains("== etcd ==")
        .containsPattern("master1 +start-etcd +walked, nothing sent")
        .contains("put /etc/systemd/system/etcd.service")
        .contains("rehearsal: nothing is sent to master1")
        .contains("rehearsal: no host was changed");
    assertThat(tmp.resolve("known_hosts")).as("no host key was asked for").doesNotExist();
    assertThat(tmp.resolve("kubeyard-plan/logs/master1.log")).exists();
    assertThat(tmp.resolve("kubeyard-plan/plan.txt")).exists();
  }
}

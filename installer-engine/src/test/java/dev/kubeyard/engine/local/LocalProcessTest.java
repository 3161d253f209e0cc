package dev.kubeyard.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes through sh: output, exit codes, environment, folder, the kept tail and the deadline. */
class LocalProcessTest {
  @Test
  void keepsStdoutAndStderrTogetherWithTheExitCode(@TempDir Path dir) throws Exception {
    LocalProcess.Result r = LocalProcess.of("sh", "-c", "echo out; echo err >&2; pwd; echo $GREETING; exit 3")
        .in(dir).environment(Map.of("GREETING", "hello")).run();
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.succeeded()).isFalse();
    assertThat(r.output()).contains("out\n", "err\n", dir.toRealPath() + "\n", "hello\n");
    assertThat(r.command()).startsWith("sh -c echo out");
  }

  @Test
  void handsEveryLineOnButKeepsOnlyTheEnd() throws Exception {
    List<String> lines = new ArrayList<>();
    LocalProcess.Result r = LocalProcess.of("sh", "-c", "seq 1 2000").keepingLast(20).run(lines::add);
    assertThat(lines).hasSize(2000).startsWith("1").endsWith("2000");
    assertThat(r.succeeded()).isTrue();
    assertThat(r.output()).endsWith("1999\n2000\n").hasSizeLessThanOrEqualTo(23);
  }

  @Test
  void readsNothingFromStdin() throws Exception {
    assertThat(LocalProcess.of("cat").timeout(Duration.ofSeconds(10)).run().succeeded()).isTrue();
  }

  @Test
  void killsTheProcessAndWhatItStartedAtTheDeadline() throws Exception {
    long start = System.nanoTime();
    LocalProcess.Result r = LocalProcess.of("sh", "-c", "sleep 30 & sleep 30; wait")
        .timeout(Duration.ofMillis(300)).run();
    assertThat(r.timedOut()).isTrue();
    assertThat(r.succeeded()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }
}

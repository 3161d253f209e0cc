package dev.kubeyard.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that end the instant they start, many at once on a real OpenSSH server on loopback: the
 * server can close the channel before JSch has started the thread that feeds the command's stdin, and
 * JSch then fails {@code connect} with a NullPointerException although the command ran and exited
 * (a CI run reported a step on an untouched host as "connection lost" that way). Every command must
 * come back with its own exit code and output. Busy threads beside it widen the window, as a loaded
 * machine did.
 */
class CommandsThatEndAtOnceTest {
  private static final Duration T = Duration.ofSeconds(30);
  @TempDir Path dir;

  @Test
  void everyInstantCommandReportsItsExitCodeAndOutputEvenWhenTheServerClosesFirst() throws Exception {
    assumeTrue(RealSshd.available(), "needs openssh-server (scripts/install-deps)");
    ClientKey key = ClientKey.generate(dir);
    try (RealSshd sshd = RealSshd.onLoopback(dir.resolve("sshd"), key)) {
      Path knownHosts = dir.resolve("known_hosts");
      Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
      int workers = 4;
      // 4 x 1000 runs take about 15 s here; 6000 reproduced the failure in about 20 s before the fix
      int each = Integer.getInteger("kubeyard.instantRuns", 1000);
      ExecutorService pool = Executors.newFixedThreadPool(workers + 2);
      List<Future<?>> burners = new ArrayList<>();
      long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      for (int b = 0; b < 2; b++) {
        burners.add(pool.submit(() -> {
          long x = 0;
          while (!Thread.currentThread().isInterrupted() && System.nanoTime() < until) {
            x += System.nanoTime() % 7;
          }
          return x;
        }));
      }
      List<Future<List<String>>> results = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        int worker = w;
        results.add(pool.submit(() -> {
          List<String> wrong = new ArrayList<>();
          try (JschTransport t = new JschTransport(key.target("box" + worker, sshd), SshSettings.of(knownHosts))) {
            for (int i = 0; i < each; i++) {
              int code = i % 3;
              CommandResult r = t.run(code == 0 ? "true" : "echo " + i + "; exit " + code, T);
              String expected = code == 0 ? "" : i + "\n";
              if (r.exitCode() != code || !r.output().equals(expected)) {
                wrong.add("run " + i + ": exit " + r.exitCode() + ", output '" + r.output() + "'");
              }
            }
          }
          return wrong;
        }));
      }
      List<String> wrong = new ArrayList<>();
      try {
        for (Future<List<String>> f : results) {
          wrong.addAll(f.get());
        }
      } finally {
        burners.forEach(f -> f.cancel(true));
        pool.shutdownNow();
      }
      assertThat(wrong).as("commands that came back wrong").isEmpty();
    }
  }
}

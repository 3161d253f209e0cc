package dev.kubeyard.engine.lab;

import dev.kubeyard.engine.testing.Proc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Asks the API through the VIP every 100 ms (curl with the admin certificate, the cluster CA checked)
 * on a background thread, and reports the failures (with curl's reason and when), and the longest time
 * without an answer. A request may take 5 s: a slow answer on the loaded 2-core VM shows as a gap, a
 * refused or reset connection as a failure; with {@code httpErrorsFail} an error status is a failure too.
 */
final class ApiProbe implements AutoCloseable {
  /** One request: when it was sent, when it ended, and how. */
  record Sample(long sent, long nanos, boolean ok, String reason) {}

  private final List<Sample> samples = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Thread thread;
  private final long started = System.nanoTime();

  ApiProbe(Path pki, String url) {
    this(pki, url, false);
  }

  ApiProbe(Path pki, String url, boolean httpErrorsFail) {
    thread = new Thread(() -> {
      while (!stop.get()) {
        long sent = System.nanoTime();
        Proc.Result r = Proc.run(null, "curl", httpErrorsFail ? "-fsS" : "-sS", "-o", "/dev/null", "--max-time", "5", "--cacert", pki.resolve("ca.pem").toString(),
            "--cert", pki.resolve("admin.pem").toString(), "--key", pki.resolve("admin-key.pem").toString(), url);
        synchronized (samples) {
          samples.add(new Sample(sent, System.nanoTime(), r.exit() == 0, "exit " + r.exit() + " " + r.output().strip()));
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "api-probe");
    thread.setDaemon(true);
    thread.start();
  }

  long failures() {
    return failuresSince(started);
  }

  /** Failed requests sent after {@code nanos} (one sent before may fail later: it went where it was routed then). */
  long failuresSince(long nanos) {
    synchronized (samples) {
      return samples.stream().filter(s -> !s.ok() && s.sent() > nanos).count();
    }
  }

  /** The failed requests grouped by curl's exit code and message, each with when (ms after the probe started). */
  private String failureReasons() {
    synchronized (samples) {
      Map<String, List<Long>> byReason = new LinkedHashMap<>();
      samples.stream().filter(s -> !s.ok()).forEach(s -> byReason.computeIfAbsent(s.reason(), r -> new ArrayList<>())
          .add((s.nanos() - started) / 1_000_000));
      return byReason.entrySet().stream().map(e -> e.getValue().size() + " x '" + e.getKey() + "' from " + e.getValue().get(0)
          + " to " + e.getValue().get(e.getValue().size() - 1) + " ms").collect(Collectors.joining("; ", "[", "]"));
    }
  }

  long total() {
    synchronized (samples) {
      return samples.size();
    }
  }

  /** Longest time between two answered requests, in milliseconds. */
  long longestGapMillis() {
    synchronized (samples) {
      long worst = 0;
      Long last = null;
      for (Sample s : samples) {
        if (s.ok()) {
          if (last != null) {
            worst = Math.max(worst, (s.nanos() - last) / 1_000_000);
          }
          last = s.nanos();
        }
      }
      return worst;
    }
  }

  /** From the first failed request to the first answer after the last failed one, in milliseconds (0: none failed). */
  long outageMillis() {
    synchronized (samples) {
      Long first = null;
      long end = 0;
      boolean failedSince = false;
      for (Sample s : samples) {
        if (!s.ok()) {
          first = first == null ? s.nanos() : first;
          failedSince = true;
        } else if (failedSince) {
          end = s.nanos();
          failedSince = false;
        }
      }
      return first == null ? 0 : ((failedSince ? samples.get(samples.size() - 1).nanos() : end) - first) / 1_000_000;
    }
  }

  boolean answeredSince(long nanos) {
    synchronized (samples) {
      return samples.stream().anyMatch(s -> s.ok() && s.nanos() > nanos);
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    thread.join(5000);
  }

  @Override
  public String toString() {
    return failures() + " of " + total() + " requests failed within " + outageMillis() + " ms, longest gap between answers "
        + longestGapMillis() + " ms" + (failures() == 0 ? "" : " " + failureReasons());
  }
}

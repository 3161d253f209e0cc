package dev.kubeyard.engine.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A program run on this machine (apt-get, dpkg-deb, the Go builder scripts, ip, debootstrap, the
 * Elasticsearch harness): stdout and stderr together, stdin closed, output kept as evidence. Callers
 * turn a failure into their own exception with their own hint; this class only runs and records.
 */
public final class LocalProcess {
  /** How it ended: the exit code (-1 when it was killed for taking too long) and the output kept. */
  public record Result(String command, int exit, String output, boolean timedOut) {
    public boolean succeeded() {
      return exit == 0 && !timedOut;
    }
  }

  private final List<String> command;
  private final Map<String, String> environment = new HashMap<>();
  private Path directory;
  private Duration timeout;
  private int keptChars = Integer.MAX_VALUE;

  private LocalProcess(List<String> command) {
    this.command = List.copyOf(command);
  }

  public static LocalProcess of(List<String> command) {
    return new LocalProcess(command);
  }

  public static LocalProcess of(String... command) {
    return new LocalProcess(List.of(command));
  }

  public LocalProcess in(Path directory) {
    this.directory = directory;
    return this;
  }

  public LocalProcess environment(Map<String, String> variables) {
    environment.putAll(variables);
    return this;
  }

  /** Kills it, and what it started, when it runs longer than {@code limit}. */
  public LocalProcess timeout(Duration limit) {
    this.timeout = limit;
    return this;
  }

  /** Keeps only the end of the output, so an hour-long build's log costs no memory. */
  public LocalProcess keepingLast(int chars) {
    this.keptChars = chars;
    return this;
  }

  /** Runs to the end; cannot start: IOException. */
  public Result run() throws IOException, InterruptedException {
    return run(line -> { });
  }

  /** As {@link #run()}, handing each output line to {@code lines} as it comes. */
  public Result run(Consumer<String> lines) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    AtomicBoolean timedOut = new AtomicBoolean();
    Thread watchdog = timeout == null ? null : watchdog(process, timedOut);
    StringBuilder kept = new StringBuilder();
    try (BufferedReader reader = process.inputReader(StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        kept.append(line).append('\n');
        if (kept.length() > 2L * keptChars) {
          kept.delete(0, kept.length() - keptChars);
        }
        lines.accept(line);
      }
    } finally {
      if (watchdog != null) {
        watchdog.interrupt();
      }
    }
    int exit = process.waitFor();
    String output = kept.length() > keptChars ? "..." + kept.substring(kept.length() - keptChars) : kept.toString();
    return new Result(String.join(" ", command), timedOut.get() ? -1 : exit, output, timedOut.get());
  }

  /**
   * Kills the process tree at the deadline: its children too, or one of them still holding the output
   * pipe would keep the read going.
   */
  private Thread watchdog(Process process, AtomicBoolean timedOut) {
    Thread t = new Thread(() -> {
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          timedOut.set(true);
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        // the process ended first
      }
    }, "timeout of " + command.get(0));
    t.setDaemon(true);
    t.start();
    return t;
  }
}

package dev.kubeyard.engine.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes every event about a host to {@code logs/<host>.log} in the plan directory, appending across
 * runs and flushing each line, so the evidence survives a crash. File contents never pass through here.
 */
public final class HostLogFiles implements InstallListener, AutoCloseable {
  private final Path dir;
  private final Map<String, BufferedWriter> open = new HashMap<>();

  public HostLogFiles(Path planDir) {
    this.dir = planDir.resolve("logs");
  }

  public Path fileOf(String host) {
    return dir.resolve(host + ".log");
  }

  @Override
  public synchronized void on(InstallEvent e) {
    if (e instanceof InstallEvent.StepStarted s) {
      write(s.host(), s, "[" + s.stepId() + "] started: " + s.title() + " (" + s.phase().title() + ")");
    } else if (e instanceof InstallEvent.StepSkipped s) {
      write(s.host(), s, "[" + s.stepId() + "] skipped: " + s.reason());
    } else if (e instanceof InstallEvent.StepFinished s) {
      write(s.host(), s, "[" + s.stepId() + "] done in " + s.millis() + " ms");
    } else if (e instanceof InstallEvent.StepFailed s) {
      write(s.host(), s, "[" + s.stepId() + "] FAILED: " + s.message() + "\n  hint: " + s.hint());
    } else if (e instanceof InstallEvent.StepCancelled s) {
      write(s.host(), s, "[" + s.stepId() + "] cancelled");
    } else if (e instanceof InstallEvent.LogLine l) {
      write(l.host(), l, "[" + l.stepId() + "] " + l.line());
    } else if (e instanceof InstallEvent.RunFinished f) {
      for (String host : open.keySet().toArray(new String[0])) {
        write(host, f, "run " + f.outcome().name().toLowerCase(java.util.Locale.ROOT) + ": " + f.summary());
      }
      close();
    }
  }

  private void write(String host, InstallEvent e, String text) {
    try {
      BufferedWriter w = open.get(host);
      if (w == null) {
        Files.createDirectories(dir);
        w = Files.newBufferedWriter(fileOf(host), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        open.put(host, w);
      }
      w.write(e.at() + " " + text);
      w.newLine();
      w.flush();
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write the log of " + host, ex);
    }
  }

  @Override
  public synchronized void close() {
    for (BufferedWriter w : open.values()) {
      try {
        w.close();
      } catch (IOException ignored) {
        // nothing left to save
      }
    }
    open.clear();
  }
}

package dev.kubeyard.desktop.install;

import dev.kubeyard.engine.run.InstallEvent;
import dev.kubeyard.engine.run.InstallListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes every event to a log file per host ({@code <dir>/<host>.log}) and the run's own events to
 * {@code <dir>/run.log}, on the engine's thread (never the UI's). The install page links to these.
 */
public final class HostLogFiles implements InstallListener {
  private final Path dir;

  public HostLogFiles(Path dir) {
    this.dir = dir;
  }

  public Path of(String host) {
    return dir.resolve(host + ".log");
  }

  private final java.util.Map<String, java.io.Writer> open = new java.util.HashMap<>();

  @Override
  public synchronized void on(InstallEvent event) {
    write(host(event), event.at() + " " + describe(event));
    if (!(event instanceof InstallEvent.LogLine)) {
      flush(); // a step's lines reach the disk when it starts, ends or fails
    }
    if (event instanceof InstallEvent.RunFinished) {
      close();
    }
  }

  private static String host(InstallEvent e) {
    if (e instanceof InstallEvent.StepStarted s) {
      return s.host();
    } else if (e instanceof InstallEvent.StepSkipped s) {
      return s.host();
    } else if (e instanceof InstallEvent.StepFinished s) {
      return s.host();
    } else if (e instanceof InstallEvent.StepFailed s) {
      return s.host();
    } else if (e instanceof InstallEvent.LogLine s) {
      return s.host();
    }
    return "run";
  }

  static String describe(InstallEvent e) {
    if (e instanceof InstallEvent.StepStarted s) {
      return "[" + s.stepId() + "] started: " + s.title();
    } else if (e instanceof InstallEvent.StepSkipped s) {
      return "[" + s.stepId() + "] skipped: " + s.reason();
    } else if (e instanceof InstallEvent.StepFinished s) {
      return "[" + s.stepId() + "] finished in " + s.millis() + " ms";
    } else if (e instanceof InstallEvent.StepFailed s) {
      return "[" + s.stepId() + "] FAILED: " + s.message() + "; hint: " + s.hint();
    } else if (e instanceof InstallEvent.LogLine s) {
      return "[" + s.stepId() + "] " + s.line();
    }
    return e.toString();
  }

  private void write(String name, String line) {
    try {
      java.io.Writer w = open.get(name);
      if (w == null) {
        Files.createDirectories(dir);
        w = Files.newBufferedWriter(dir.resolve(name + ".log"), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        open.put(name, w);
      }
      w.write(line);
      w.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void flush() {
    try {
      for (java.io.Writer w : open.values()) {
        w.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void close() {
    try {
      for (java.io.Writer w : open.values()) {
        w.close();
      }
      open.clear();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

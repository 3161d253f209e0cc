package dev.kubeyard.desktop.testing;

import dev.kubeyard.desktop.install.RehearsalRunner;
import dev.kubeyard.engine.run.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Rehearsals for tests that need no FX thread: the run on the caller's thread, one host at a time. */
public final class Rehearsals {
  private Rehearsals() {}

  /** Ends before {@code start} returns; events arrive one after the other, on the executor's one thread. */
  public static RehearsalRunner synchronous(Path dir, Map<String, String> failures) {
    RunSettings one = RunSettings.defaults();
    return new RehearsalRunner(dir, Duration.ZERO, failures,
        new RunSettings(1, one.commandTimeout(), one.verifyTimeout(), one.verifyInterval()), Runnable::run);
  }
}

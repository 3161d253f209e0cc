package dev.kubeyard.desktop.install;

import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.run.Executor;
import dev.kubeyard.engine.run.InstallListener;
import dev.kubeyard.engine.run.Rehearsal;
import dev.kubeyard.engine.run.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NOT A REAL EXECUTION: the engine's {@link Executor} over a {@link Rehearsal}, which records what each
 * host would be asked and sends nothing. The run is the real one (phases, one host at a time where a
 * phase says so, events, {@code logs/<host>.log} in {@code dir}); only the hosts are left out.
 * {@code failures} names steps that fail once ({@code host -> stepId}), to show the failure path.
 */
public final class RehearsalRunner implements InstallRunner {
  private final Path dir;
  private final Duration perCommand;
  private final Map<String, String> failures;
  private final RunSettings settings;
  private final java.util.concurrent.Executor runThread;

  public RehearsalRunner(Path dir, Duration perCommand, Map<String, String> failures, RunSettings settings,
      java.util.concurrent.Executor runThread) {
    this.dir = dir;
    this.perCommand = perCommand;
    this.failures = new ConcurrentHashMap<>(failures);
    this.settings = settings;
    this.runThread = runThread;
  }

  /** Each run on its own daemon thread, the hosts of a phase on the executor's threads. */
  public static RehearsalRunner threaded(Duration perCommand, Map<String, String> failures, Path dir) {
    return new RehearsalRunner(dir, perCommand, failures, RunSettings.defaults(), work -> {
      Thread t = new Thread(work, "kubeyard-rehearsal");
      t.setDaemon(true);
      t.start();
    });
  }

  @Override
  public boolean changesHosts() {
    return false;
  }

  /** Steps done by an earlier attempt pass their checks in the rehearsal, as they would on the hosts. */
  @Override
  public RunningInstall start(Plan plan, Set<String> alreadyDone, InstallListener listener) {
    Executor executor = new Executor(dir, new Rehearsal(plan, alreadyDone, failures, perCommand), settings)
        .listener(listener);
    runThread.execute(() -> executor.run(plan));
    return executor::cancel;
  }

  @Override
  public Path logFile(String host) {
    return dir.resolve("logs").resolve(host + ".log");
  }
}

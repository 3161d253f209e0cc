package dev.kubeyard.desktop.fx;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where view models run work: {@code background} for anything slow (rendering, files, the cluster API)
 * and {@code ui} to publish results. Tests pass {@link #synchronous()} and need no FX thread.
 */
public record Threads(Executor background, Executor ui) {

  public static Threads synchronous() {
    return new Threads(Runnable::run, Runnable::run);
  }

  /** Daemon worker threads for the background, the FX thread for the UI. */
  public static Threads forFx() {
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "kubeyard-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    return new Threads(pool, FxThreadAdapter.executor());
  }

  /** Runs {@code work} in the background and hands its result (or failure) to the UI executor. */
  public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onResult,
      java.util.function.Consumer<Exception> onFailure) {
    background.execute(() -> {
      try {
        T result = work.call();
        ui.execute(() -> onResult.accept(result));
      } catch (Exception e) {
        ui.execute(() -> onFailure.accept(e));
      }
    });
  }
}

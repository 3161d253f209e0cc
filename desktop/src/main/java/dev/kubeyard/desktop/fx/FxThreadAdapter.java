package dev.kubeyard.desktop.fx;

import dev.kubeyard.engine.run.InstallEvent;
import dev.kubeyard.engine.run.InstallListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one bridge from other threads to the JavaFX thread, and the only class that calls
 * {@code Platform.runLater} (an architecture test holds it to that).
 *
 * <p>Engine events arrive on the engine's threads; they are queued and handed to the UI in batches,
 * with at most one hand-over pending at a time, so a chatty install cannot flood the FX thread.
 */
public final class FxThreadAdapter {
  /** At most this many events per hand-over, so one hand-over stays well inside a frame. */
  static final int MAX_BATCH = 200;

  private FxThreadAdapter() {}

  /** Runs work on the FX thread: directly when already there, else at the next pulse. */
  public static Executor executor() {
    return work -> {
      if (Platform.isFxApplicationThread()) {
        work.run();
      } else {
        Platform.runLater(work);
      }
    };
  }

  /** An engine listener that delivers its events, in order and in batches, to {@code onFxThread}. */
  public static InstallListener deliver(Consumer<List<InstallEvent>> onFxThread) {
    Queue<InstallEvent> queue = new ConcurrentLinkedQueue<>();
    AtomicBoolean pending = new AtomicBoolean();
    Runnable[] drain = new Runnable[1];
    drain[0] = () -> {
      pending.set(false);
      List<InstallEvent> batch = new ArrayList<>();
      for (InstallEvent e = queue.poll(); e != null; e = queue.poll()) {
        batch.add(e);
        if (batch.size() == MAX_BATCH) {
          break;
        }
      }
      if (!batch.isEmpty()) {
        onFxThread.accept(batch);
      }
      if (!queue.isEmpty() && pending.compareAndSet(false, true)) {
        Platform.runLater(drain[0]); // the rest after the next frame has had its turn
      }
    };
    return event -> {
      queue.add(event);
      if (pending.compareAndSet(false, true)) {
        Platform.runLater(drain[0]);
      }
    };
  }
}

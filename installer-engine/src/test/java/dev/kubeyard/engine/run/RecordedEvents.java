package dev.kubeyard.engine.run;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Every event a run published, in order, for assertions. */
final class RecordedEvents implements InstallListener {
  final List<InstallEvent> all = new CopyOnWriteArrayList<>();

  @Override
  public void on(InstallEvent event) {
    all.add(event);
  }

  <T extends InstallEvent> List<T> of(Class<T> type) {
    return all.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Waits until an event matching {@code p} arrived (the run goes on in another thread). */
  void await(Predicate<InstallEvent> p) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (all.stream().noneMatch(p)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("event not seen in 30 s; got " + all);
      }
      Thread.sleep(20);
    }
  }
}

package dev.kubeyard.engine.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests through the VIP from a few client threads, each counted: what answered 200, what did not
 * (with its status or curl's error), and the longest time without a successful answer.
 */
final class GatewayLoad implements AutoCloseable {
  private final ThroughTheVip client;
  private final String host;
  private final String path;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong ok = new AtomicLong();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  private final AtomicLong lastOk = new AtomicLong(System.nanoTime());
  private final AtomicLong longestGap = new AtomicLong();
  private final List<Thread> threads = new ArrayList<>();

  record Stats(long ok, List<String> failures, long longestGapMillis) {
    @Override
    public String toString() {
      return ok + " answered, " + failures.size() + " failed, longest gap between answers " + longestGapMillis + " ms";
    }
  }

  GatewayLoad(ThroughTheVip client, String host, String path, int threads) {
    this.client = client;
    this.host = host;
    this.path = path;
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(this::loop, "gateway-load-" + i);
      t.setDaemon(true);
      this.threads.add(t);
      t.start();
    }
  }

  private void loop() {
    while (running.get()) {
      ThroughTheVip.Answer a = client.https(host, "GET", path, null);
      long now = System.nanoTime();
      if (a.status() == 200) {
        ok.incrementAndGet();
        long previous = lastOk.getAndSet(now);
        longestGap.accumulateAndGet((now - previous) / 1_000_000, Math::max);
      } else {
        failures.add(a.status() + " " + a.body().strip().lines().findFirst().orElse(""));
      }
    }
  }

  long answered() {
    return ok.get();
  }

  Stats stop() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join(15_000);
    }
    return new Stats(ok.get(), List.copyOf(failures), longestGap.get());
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}

package dev.kubeyard.engine.transport;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts every host's SSH handshake at once, in the background, so they overlap with writing the plan (in a
 * JVM that has just started, six handshakes on two cores take seconds). The background connections use a
 * factory that never asks anyone anything; {@link #open} hands over one that connected and otherwise opens
 * a transport of the real factory, whose connect (with its prompts and its errors) the executor then makes
 * as it always did.
 */
public final class Preconnecting implements TransportFactory, AutoCloseable {
  private record Attempt(Transport transport, boolean connected) {}

  private final TransportFactory real;
  private final Map<String, CompletableFuture<Attempt>> attempts = new ConcurrentHashMap<>();
  private final ExecutorService pool;

  private Preconnecting(TransportFactory real, ExecutorService pool) {
    this.real = real;
    this.pool = pool;
  }

  /** Begins connecting to {@code hosts} through {@code quiet} (no prompts), at most {@code parallel} at a time. */
  public static Preconnecting start(TransportFactory quiet, TransportFactory real, Collection<String> hosts, int parallel) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, hosts.size())), r -> {
      Thread t = new Thread(r, "kubeyard-preconnect");
      t.setDaemon(true);
      return t;
    });
    Preconnecting p = new Preconnecting(real, pool);
    for (String host : hosts) {
      p.attempts.put(host, CompletableFuture.supplyAsync(() -> {
        Transport t = quiet.open(host);
        try {
          t.connect();
          return new Attempt(t, true);
        } catch (RuntimeException e) { // the real connect reports it, at the step
          t.close();
          return new Attempt(t, false);
        }
      }, pool));
    }
    pool.shutdown();
    return p;
  }

  @Override
  public Transport open(String host) {
    CompletableFuture<Attempt> attempt = attempts.remove(host);
    if (attempt != null) {
      Attempt a = attempt.join();
      if (a.connected()) {
        return a.transport();
      }
    }
    return real.open(host);
  }

  @Override
  public boolean rehearses() {
    return real.rehearses();
  }

  /** Closes the connections nobody took (a run that stopped before reaching their hosts). */
  @Override
  public void close() {
    attempts.values().forEach(f -> f.thenAccept(a -> a.transport().close()));
    attempts.clear();
  }
}

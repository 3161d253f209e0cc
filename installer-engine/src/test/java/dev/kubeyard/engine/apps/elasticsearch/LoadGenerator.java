package dev.kubeyard.engine.apps.elasticsearch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes and reads continuously while nodes restart, the way an application would through any live
 * node. Writes carry ids chosen here (PUT /load/_doc/doc-N), so repeating one is idempotent and a
 * request whose answer was lost may be retried; a read is a realtime GET of an acknowledged document.
 * An operation that has not succeeded within its budget counts as failed. Every acknowledged write is
 * remembered with its payload, so lost documents can be counted afterwards.
 */
public final class LoadGenerator implements AutoCloseable {
  public static final String INDEX = "load";
  private static final Duration OPERATION_BUDGET = Duration.ofSeconds(60);
  private final List<URI> nodes;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(1)).build();
  private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong failedWrites = new AtomicLong();
  private final AtomicLong failedReads = new AtomicLong();
  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong retriedAttempts = new AtomicLong();
  private final AtomicLong reroutedAttempts = new AtomicLong();
  private final AtomicLong longestOperationMillis = new AtomicLong();
  private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  public LoadGenerator(List<Integer> httpPorts) {
    this(httpPorts.stream().map(p -> URI.create("http://127.0.0.1:" + p)).toList(), true);
  }

  /** Against any HTTP endpoints, e.g. a NodePort on each lab worker. */
  public static LoadGenerator at(List<URI> endpoints) {
    return new LoadGenerator(endpoints, true);
  }

  private LoadGenerator(List<URI> endpoints, boolean unused) {
    this.nodes = List.copyOf(endpoints);
  }

  /** Creates the index: 3 shards, 1 replica, so every document survives one node restart. */
  public void createIndex() throws Exception {
    HttpResponse<String> r = send("PUT", "/" + INDEX, "{\"settings\":{\"number_of_shards\":3,"
        + "\"number_of_replicas\":1},\"mappings\":{\"properties\":{\"n\":{\"type\":\"long\"},"
        + "\"payload\":{\"type\":\"keyword\"}}}}", nodes.get(0));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("cannot create the load index: " + r.body());
    }
  }

  public void start(int writers) {
    running = true;
    for (int i = 0; i < writers; i++) {
      threads.add(started(new Thread(this::writeLoop, "load-writer-" + i)));
    }
    threads.add(started(new Thread(this::readLoop, "load-reader")));
  }

  private static Thread started(Thread t) {
    t.setDaemon(true);
    t.start();
    return t;
  }

  public Stats stop() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(OPERATION_BUDGET.toMillis() + 5_000);
    }
    threads.clear();
    return stats();
  }

  public Stats stats() {
    return new Stats(acknowledged.size(), failedWrites.get(), reads.get(), failedReads.get(), retriedAttempts.get(),
        reroutedAttempts.get(), longestOperationMillis.get(), List.copyOf(failures));
  }

  public Map<String, String> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  private void writeLoop() {
    while (running) {
      long n = sequence.incrementAndGet();
      String id = "doc-" + n;
      String payload = Long.toHexString(ThreadLocalRandom.current().nextLong());
      if (operation("PUT", "/" + INDEX + "/_doc/" + id, "{\"n\":" + n + ",\"payload\":\"" + payload + "\"}")) {
        acknowledged.put(id, payload);
      } else {
        failedWrites.incrementAndGet();
      }
      pause(20);
    }
  }

  private void readLoop() {
    while (running) {
      List<String> ids = new ArrayList<>(acknowledged.keySet());
      if (!ids.isEmpty()) {
        String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        reads.incrementAndGet();
        if (!operation("GET", "/" + INDEX + "/_doc/" + id, null)) {
          failedReads.incrementAndGet();
        }
      }
      pause(20);
    }
  }

  /** One idempotent operation, retried on other nodes until it succeeds or its budget is spent. */
  private boolean operation(String method, String path, String body) {
    long start = System.nanoTime();
    try {
      return attempts(method, path, body, start + OPERATION_BUDGET.toNanos());
    } finally {
      longestOperationMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
    }
  }

  private boolean attempts(String method, String path, String body, long deadline) {
    int node = ThreadLocalRandom.current().nextInt(nodes.size());
    String last = "";
    for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
      URI target = nodes.get((node + attempt) % nodes.size());
      try {
        HttpResponse<String> r = send(method, path, body, target);
        if (r.statusCode() == 200 || r.statusCode() == 201) {
          return true;
        }
        last = r.statusCode() + " " + abbreviate(r.body());
        if (r.statusCode() < 500 && r.statusCode() != 429) {
          break; // a client error does not heal by retrying
        }
      } catch (ConnectException | HttpConnectTimeoutException e) {
        reroutedAttempts.incrementAndGet();
        continue; // nothing was sent: the node is down; the next node is tried at once
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      retriedAttempts.incrementAndGet();
      pause(100);
    }
    failures.add(method + " " + path + ": " + last);
    return false;
  }

  private HttpResponse<String> send(String method, String path, String body, URI node)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(node.resolve(path)).timeout(Duration.ofSeconds(30));
    b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
        : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  /**
   * What the load saw: acknowledged writes, failed operations (not done within their budget), attempts
   * that got an error or no answer and were retried (a client without retries would have failed
   * there), attempts moved to another node because the connection was refused (nothing sent), and
   * the longest time one operation took.
   */
  public record Stats(long acknowledgedWrites, long failedWrites, long reads, long failedReads, long retriedAttempts,
      long reroutedAttempts, long longestOperationMillis, List<String> failures) {
    public long failedRequests() {
      return failedWrites + failedReads;
    }

    @Override
    public String toString() {
      return acknowledgedWrites + " writes acknowledged, " + failedWrites + " failed; " + reads + " reads, "
          + failedReads + " failed; " + retriedAttempts + " attempts retried, " + reroutedAttempts
          + " rerouted; longest operation " + longestOperationMillis + " ms"
          + (failures.isEmpty() ? "" : "; first failures " + failures.subList(0, Math.min(3, failures.size())));
    }
  }
}

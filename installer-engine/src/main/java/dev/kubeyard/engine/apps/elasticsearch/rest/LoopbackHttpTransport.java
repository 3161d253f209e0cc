package dev.kubeyard.engine.apps.elasticsearch.rest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * HTTP to a list of nodes on 127.0.0.1. A request goes to the node that answered last; when that node
 * cannot be reached (it may be restarting) the next one is tried, which is safe because every request
 * Kubeyard sends is idempotent. A 503 (a node that has not joined the cluster yet) also moves on.
 */
public final class LoopbackHttpTransport implements EsTransport {
  private final List<URI> nodes;
  private final HttpClient http;
  private final Duration requestTimeout;
  private volatile int preferred;

  public LoopbackHttpTransport(List<URI> nodes, Duration requestTimeout) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("at least one node address is needed");
    }
    nodes.forEach(u -> {
      String host = u.getHost();
      if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
        throw new IllegalArgumentException("the loopback transport talks to 127.0.0.1 only, not " + u);
      }
    });
    this.nodes = List.copyOf(nodes);
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
  }

  public static LoopbackHttpTransport ports(List<Integer> httpPorts) {
    return new LoopbackHttpTransport(httpPorts.stream().map(p -> URI.create("http://127.0.0.1:" + p)).toList(),
        Duration.ofSeconds(90));
  }

  @Override
  public EsResponse send(String method, String path, String jsonBody) {
    IOException last = null;
    EsResponse unavailable = null;
    int start = preferred;
    for (int i = 0; i < nodes.size(); i++) {
      int index = (start + i) % nodes.size();
      try {
        EsResponse r = once(nodes.get(index), method, path, jsonBody);
        if (r.status() == 503 && i < nodes.size() - 1) {
          unavailable = r;
          continue;
        }
        preferred = index;
        return r;
      } catch (IOException e) {
        last = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EsException("interrupted while sending " + method + " " + path, "run the command again");
      }
    }
    if (unavailable != null) {
      return unavailable;
    }
    throw new EsException("no Elasticsearch node answered " + method + " " + path + " at " + describe() + ": " + last,
        "start the nodes or check the addresses", last);
  }

  private EsResponse once(URI node, String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(node.resolve(path)).timeout(requestTimeout)
        .header("Accept", "application/json");
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new EsResponse(r.statusCode(), r.body());
  }

  @Override
  public String describe() {
    return nodes.toString();
  }
}

package dev.kubeyard.engine.apps.elasticsearch.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failover between local nodes, with a tiny HTTP server standing in for a node that answers. */
class LoopbackHttpTransportTest {

  static HttpServer node(int status, String body) throws Exception {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.createContext("/", e -> {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      e.sendResponseHeaders(status, b.length);
      e.getResponseBody().write(b);
      e.close();
    });
    s.start();
    return s;
  }

  static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void aRequestMovesOnFromADownNodeAndFromOneThatHasNotJoinedYet() throws Exception {
    HttpServer notJoined = node(503, "{\"error\":\"master_not_discovered_exception\"}");
    HttpServer serving = node(200, "{\"status\":\"green\"}");
    try {
      LoopbackHttpTransport t = LoopbackHttpTransport.ports(List.of(closedPort(),
          notJoined.getAddress().getPort(), serving.getAddress().getPort()));
      assertThat(new ElasticsearchApi(t).health().green()).isTrue();
    } finally {
      notJoined.stop(0);
      serving.stop(0);
    }
  }

  @Test
  void whenNoNodeAnswersTheErrorNamesTheAddresses() throws Exception {
    int port = closedPort();
    assertThatThrownBy(() -> LoopbackHttpTransport.ports(List.of(port)).send("GET", "/", null))
        .isInstanceOf(EsException.class).hasMessageContaining("127.0.0.1:" + port);
  }

  @Test
  void itTalksToLoopbackOnly() {
    assertThatThrownBy(() -> new LoopbackHttpTransport(List.of(URI.create("http://10.0.0.5:9200")),
        Duration.ofSeconds(1))).hasMessageContaining("127.0.0.1 only");
  }
}

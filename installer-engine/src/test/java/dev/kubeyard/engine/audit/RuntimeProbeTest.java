package dev.kubeyard.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class RuntimeProbeTest {

  @Test
  void aListeningPortIsOpenAndAPortNobodyListensOnIsRefused() throws Exception {
    int freed;
    try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(RuntimeProbe.tcp("127.0.0.1", listening.getLocalPort())).isEqualTo("open");
      try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        freed = other.getLocalPort();
      }
    }
    assertThat(RuntimeProbe.tcp("127.0.0.1", freed)).isEqualTo("refused");
  }

  @Test
  void aServerThatDoesNotSpeakTlsIsAFailNotAPass() throws Exception {
    HttpServer plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    plain.createContext("/", x -> {
      x.sendResponseHeaders(200, -1);
      x.close();
    });
    plain.start();
    try {
      Finding f = RuntimeProbe.anonymous("apiserver refuses anonymous", "master1",
          "https://127.0.0.1:" + plain.getAddress().getPort() + "/api");
      assertThat(f.result()).isEqualTo(Outcome.FAIL);
      assertThat(f.evidence()).contains("no HTTP answer");
    } finally {
      plain.stop(0);
    }
  }
}

package dev.kubeyard.engine.k8s;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A STAND-IN for kube-apiserver on loopback: no apiserver runs on this machine yet (the lab builds
 * one later), so this answers the few read-only paths the status API uses with responses shaped like
 * the real ones (recorded in src/test/resources/k8s). The Kubernetes client talking to it is the real one.
 */
final class ApiServerStandIn implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  final List<String> requests = new CopyOnWriteArrayList<>();

  record Answer(int status, String contentType, String body) {}

  ApiServerStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  ApiServerStandIn json(String path, String resource) {
    answers.put(path, new Answer(200, "application/json", resource(resource)));
    return this;
  }

  ApiServerStandIn text(String path, int status, String body) {
    answers.put(path, new Answer(status, "text/plain", body));
    return this;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A kubeconfig for this server with a bearer token user, as an admin would have. */
  Path kubeconfig(Path dir) throws IOException {
    Path file = dir.resolve("admin.kubeconfig");
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: lab
          cluster: {server: "%s"}
        users:
        - name: admin
          user: {token: standin-token}
        contexts:
        - name: admin@lab
          context: {cluster: lab, user: admin}
        current-context: admin@lab
        """.formatted(url()));
    return file;
  }

  private void answer(HttpExchange ex) throws IOException {
    String query = ex.getRequestURI().getRawQuery();
    requests.add(ex.getRequestURI().getPath() + (query == null ? "" : "?" + query)
        + " auth=" + ex.getRequestHeaders().getFirst("Authorization"));
    Answer a = answers.getOrDefault(ex.getRequestURI().getPath(),
        new Answer(404, "application/json", "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}"));
    byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", a.contentType());
    ex.sendResponseHeaders(a.status(), body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }

  private static String resource(String name) {
    try (InputStream in = ApiServerStandIn.class.getResourceAsStream("/k8s/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

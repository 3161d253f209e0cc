package dev.kubeyard.engine.k8s.elasticsearch;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A STAND-IN for the Kubernetes apiserver on 127.0.0.1 (plain HTTP): it records every request and
 * answers with canned JSON. It checks request and response shapes only: no scheduling, no
 * StatefulSet controller, no Elasticsearch behind the service proxy. The real thing needs the lab cluster.
 */
final class ApiServerStandIn implements AutoCloseable {
  /** One recorded request. */
  record Request(String method, String path, String query, String contentType, String authorization, String body) {}

  /** A canned answer. */
  record Reply(int status, String body) {}

  private record Route(String method, String pathPrefix, Function<Request, Reply> answer) {}

  private final HttpServer server;
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());

  ApiServerStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request req = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Content-Type"),
          exchange.getRequestHeaders().getFirst("Authorization"), body);
      requests.add(req);
      Reply reply = answer(req);
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
      exchange.close();
    });
    server.start();
  }

  /** Later routes win over earlier ones for the same request. */
  ApiServerStandIn on(String method, String pathPrefix, Function<Request, Reply> answer) {
    routes.add(0, new Route(method, pathPrefix, answer));
    return this;
  }

  ApiServerStandIn on(String method, String pathPrefix, int status, String body) {
    return on(method, pathPrefix, r -> new Reply(status, body));
  }

  private Reply answer(Request req) {
    synchronized (routes) {
      for (Route r : routes) {
        if (r.method().equals(req.method()) && req.path().startsWith(r.pathPrefix())) {
          return r.answer().apply(req);
        }
      }
    }
    return new Reply(404, "{\"kind\":\"Status\",\"code\":404,\"message\":\"not found in the stand-in\"}");
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<String> lines() {
    return requests().stream().map(r -> r.method() + " " + r.path()).toList();
  }

  /** A kubeconfig for this stand-in with a bearer token. */
  Path kubeconfig(Path dir) throws IOException {
    Path file = dir.resolve("standin.kubeconfig");
    Files.writeString(file, String.join("\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters: [{name: standin, cluster: {server: 'http://127.0.0.1:" + server.getAddress().getPort() + "'}}]",
        "users: [{name: admin, user: {token: standin-token}}]",
        "contexts: [{name: standin, context: {cluster: standin, user: admin}}]",
        "current-context: standin", ""));
    return file;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

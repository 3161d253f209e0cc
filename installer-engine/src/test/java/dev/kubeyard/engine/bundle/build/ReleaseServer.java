package dev.kubeyard.engine.bundle.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A release server on 127.0.0.1 with dl.k8s.io's layout (vVERSION/bin/OS/ARCH/NAME and NAME.sha256)
 * that serves HTTP Range requests and can misbehave like a bad line: drop the connection part-way, or
 * stall. Plain sockets, so a dropped connection really is a closed TCP connection.
 */
final class ReleaseServer implements AutoCloseable {

  record Request(String path, String range) {}

  private enum Fault { DROP, STALL }

  private record Misbehaviour(Fault fault, int afterBytes) {}

  private final ServerSocket socket;
  private final Thread acceptor;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Misbehaviour> faults = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> stalled = new CopyOnWriteArrayList<>();
  private volatile boolean honourRange = true;

  ReleaseServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "release-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  /** Publishes a release file and its .sha256. */
  void publish(String path, byte[] content) {
    files.put(path, content);
    files.put(path + ".sha256", (sha256(content) + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  void publishChecksum(String path, String hex) {
    files.put(path + ".sha256", (hex + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  /** The next download of {@code path} sends {@code bytes} bytes and then closes the connection. */
  void dropNextDownload(String path, int bytes) {
    faults.put(path, new Misbehaviour(Fault.DROP, bytes));
  }

  /** The next download of {@code path} sends {@code bytes} bytes and then sends nothing more. */
  void stallNextDownload(String path, int bytes) {
    faults.put(path, new Misbehaviour(Fault.STALL, bytes));
  }

  void ignoreRangeRequests() {
    honourRange = false;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread t = new Thread(() -> serve(client), "release-server-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** One request per connection (Connection: close), which is all a download client needs. */
  private void serve(Socket client) {
    boolean keepOpen = false;
    try {
      BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
      String requestLine = in.readLine();
      if (requestLine == null) {
        return;
      }
      String path = requestLine.split(" ")[1];
      String range = null;
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("range:")) {
          range = line.substring(6).trim();
        }
      }
      requests.add(new Request(path, range));
      keepOpen = respond(client.getOutputStream(), path, range, client);
    } catch (IOException e) {
      // the client went away; nothing to report
    } finally {
      if (!keepOpen) {
        try {
          client.close();
        } catch (IOException ignored) {
          // already closed
        }
      }
    }
  }

  private boolean respond(OutputStream out, String path, String range, Socket client) throws IOException {
    byte[] content = files.get(path);
    if (content == null) {
      head(out, "404 Not Found", 0, null);
      return false;
    }
    int from = 0;
    String contentRange = null;
    if (range != null && honourRange) {
      from = Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
      if (from >= content.length) {
        head(out, "416 Range Not Satisfiable", 0, "bytes */" + content.length);
        return false;
      }
      contentRange = "bytes " + from + "-" + (content.length - 1) + "/" + content.length;
    }
    int length = content.length - from;
    head(out, from > 0 ? "206 Partial Content" : "200 OK", length, contentRange);
    Misbehaviour fault = faults.remove(path);
    int send = fault != null && fault.afterBytes() < length ? fault.afterBytes() : length;
    out.write(content, from, send);
    out.flush();
    if (fault != null && fault.fault() == Fault.STALL) {
      stalled.add(client);
      return true;
    }
    return false;
  }

  private static void head(OutputStream out, String status, int length, String contentRange) throws IOException {
    StringBuilder h = new StringBuilder("HTTP/1.1 " + status + "\r\nContent-Length: " + length
        + "\r\nConnection: close\r\nAccept-Ranges: bytes\r\n");
    if (contentRange != null) {
      h.append("Content-Range: ").append(contentRange).append("\r\n");
    }
    out.write(h.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public void close() {
    try {
      socket.close();
      for (Socket s : stalled) {
        s.close();
      }
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}

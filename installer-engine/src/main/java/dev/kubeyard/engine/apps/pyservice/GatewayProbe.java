package dev.kubeyard.engine.apps.pyservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * An HTTPS GET through the VIP as a client whose DNS points the app's host at it: TCP to the VIP,
 * SNI and Host set to the app's host, the server's certificate verified against the cluster CA and
 * for that host name. java.net.http cannot send a Host other than the URL's, hence a socket and a
 * minimal HTTP/1.1 request (Connection: close, one response, body capped).
 */
public final class GatewayProbe {
  private static final int MAX_BODY = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SSLContext tls;
  private final Duration timeout;

  private GatewayProbe(SSLContext tls, Duration timeout) {
    this.tls = tls;
    this.timeout = timeout;
  }

  /** Trusts only the CA certificate(s) in {@code caPem} (the plan folder's pki/ca.pem). */
  public static GatewayProbe trusting(Path caPem, Duration timeout) throws IOException {
    try (InputStream in = Files.newInputStream(caPem)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca-" + i++, cert);
      }
      if (i == 0) {
        throw new IOException(caPem + " holds no certificate");
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return new GatewayProbe(ctx, timeout);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use " + caPem + " as the trusted CA: " + e.getMessage(), e);
    }
  }

  /** GET {@code path} from {@code host}, connecting to {@code address:port}; never throws for network trouble. */
  public Result get(String address, int port, String host, String path) {
    return get(address, port, host, path, "");
  }

  /** The same with {@code Authorization: Bearer <token>} unless {@code token} is "" (never in the result). */
  public Result get(String address, int port, String host, String path, String token) {
    String url = "https://" + host + (port == 443 ? "" : ":" + port) + path;
    int millis = (int) timeout.toMillis();
    try (Socket tcp = new Socket()) {
      tcp.connect(new InetSocketAddress(address, port), millis);
      tcp.setSoTimeout(millis);
      try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(tcp, host, port, true)) {
        SSLParameters params = socket.getSSLParameters();
        params.setServerNames(List.of(new SNIHostName(host)));
        params.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(params);
        socket.startHandshake();
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + (port == 443 ? host : host + ":" + port)
            + "\r\nUser-Agent: kubeyard\r\nAccept: application/json\r\n"
            + (token.isEmpty() ? "" : "Authorization: Bearer " + token + "\r\n") + "Connection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return read(url, socket.getInputStream());
      }
    } catch (IOException | RuntimeException e) {
      return new Result(url, 0, "", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static Result read(String url, InputStream in) throws IOException {
    String statusLine = line(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x response: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    long length = -1;
    boolean chunked = false;
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).strip());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
          size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
        copy(in, body, size);
        line(in);
      }
    } else {
      copy(in, body, length < 0 ? MAX_BODY : length);
    }
    return new Result(url, status, body.toString(StandardCharsets.UTF_8), "");
  }

  private static void copy(InputStream in, ByteArrayOutputStream body, long count) throws IOException {
    byte[] buf = new byte[8192];
    long left = count;
    while (left > 0 && body.size() < MAX_BODY) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, Math.min(left, MAX_BODY - body.size())));
      if (n < 0) {
        break;
      }
      body.write(buf, 0, n);
      left -= n;
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("the connection closed mid-response");
      }
      if (c != '\r') {
        b.append((char) c);
      }
      if (b.length() > 8192) {
        throw new IOException("a response line longer than 8 KiB");
      }
    }
    return b.toString();
  }

  /** One answer, or why there was none ({@code status} 0 and {@code error}). */
  public record Result(String url, int status, String body, String error) {
    public boolean ok() {
      return status == 200;
    }

    /** dependencies.elasticsearch.status of the gateway's /api/status body ("up", "down", ...), or "". */
    public String elasticsearch() {
      if (body.isBlank()) {
        return "";
      }
      try {
        JsonNode state = JSON.readTree(body).path("dependencies").path("elasticsearch").path("status");
        return state.isTextual() ? state.asText() : "";
      } catch (IOException | RuntimeException e) {
        return "";
      }
    }

    public String describe() {
      if (status == 0) {
        return url + " not reached: " + error;
      }
      String es = elasticsearch();
      return url + " answered " + status + (es.isEmpty() ? "" : ", Elasticsearch " + es);
    }
  }
}

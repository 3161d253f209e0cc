package dev.kubeyard.engine.lab;

import dev.kubeyard.engine.testing.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A client on the lab bridge (this machine) reaching a host name through the VIP, as a browser on the
 * site would once DNS names the VIP: the real curl with {@code --resolve} to the VIP, verifying the
 * server against the cluster CA only (no system trust store, no -k).
 */
record ThroughTheVip(String vip, Path clusterCa, Path authorizationHeader) {

  ThroughTheVip(String vip, Path clusterCa) {
    this(vip, clusterCa, null);
  }

  /**
   * The same client presenting {@code token} as a bearer token, from a 0600 header file (curl's
   * {@code -H @file}), so the token is in no process's command line.
   */
  ThroughTheVip withToken(String token) throws IOException {
    Path header = Files.createTempFile("gateway-token", ".header",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(header, "Authorization: Bearer " + token + "\n");
    header.toFile().deleteOnExit();
    return new ThroughTheVip(vip, clusterCa, header);
  }

  /** One answer: the status code, the redirect target if any, and the body. */
  record Answer(int status, String location, String body) {}

  Answer https(String host, String method, String path, String json) {
    return call(host, 443, "https", method, path, json);
  }

  Answer http(String host, String path) {
    return call(host, 80, "http", "GET", path, null);
  }

  private Answer call(String host, int port, String scheme, String method, String path, String json) {
    List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10", "--cacert", clusterCa.toString(),
        "--resolve", host + ":" + port + ":" + vip, "-X", method, "-o", "-", "-w",
        "\n%{http_code} %{redirect_url}"));
    if (authorizationHeader != null) {
      cmd.addAll(List.of("-H", "@" + authorizationHeader));
    }
    if (json != null) {
      cmd.addAll(List.of("-H", "Content-Type: application/json", "--data-binary", json));
    }
    cmd.add(scheme + "://" + host + path);
    Proc.Result r = Proc.run(null, cmd.toArray(String[]::new));
    if (r.exit() != 0) {
      return new Answer(0, "", r.output()); // curl's own error: refused, timed out, TLS verification failed
    }
    String out = r.output();
    int cut = out.lastIndexOf('\n');
    String[] tail = out.substring(cut + 1).split(" ", 2);
    return new Answer(Integer.parseInt(tail[0]), tail.length > 1 ? tail[1].strip() : "", out.substring(0, cut));
  }
}

package dev.kubeyard.engine.audit;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * From the work machine, what the hardening promises on the wire: the kubelet's read-only port on every
 * node and the old insecure ports on every master are closed, and a request without credentials to each apiserver, to
 * the VIP and to each kubelet is refused (401/403). The probe only asks whether the door is shut, so it
 * accepts any server certificate (it sends nothing secret; the identity of the servers is checked by
 * the install's own clients).
 */
public final class RuntimeProbe {
  /** The kubelet's unauthenticated read-only port. */
  static final int KUBELET_READ_ONLY = 10255;
  /** The master's old insecure ports: apiserver, then 1.14's scheduler and controller-manager (gone since 1.20/1.24). */
  static final List<Integer> MASTER_INSECURE = List.of(8080, 10251, 10252);
  private static final int TIMEOUT_MS = 3000;

  private RuntimeProbe() {}

  public static List<Finding> run(ClusterFacts facts) {
    List<Finding> all = new ArrayList<>();
    for (HostSpec h : facts.hosts()) {
      if (h.has(Role.MASTER)) {
        MASTER_INSECURE.forEach(port -> all.add(closed(h, port)));
        all.add(anonymous("apiserver refuses anonymous", h.name(), "https://" + h.address() + ":" + ComponentPorts.APISERVER + "/api"));
      }
      if (NodeRoles.runsKubelet(h)) {
        all.add(closed(h, KUBELET_READ_ONLY));
        all.add(anonymous("kubelet refuses anonymous", h.name(), "https://" + h.address() + ":" + ComponentPorts.KUBELET + "/pods"));
      }
    }
    all.add(anonymous("apiserver refuses anonymous (through the VIP)", "vip", facts.apiserverUrl() + "/api"));
    return all;
  }

  private static Finding closed(HostSpec h, int port) {
    String state = tcp(h.address(), port);
    return new Finding("probe:" + port, "port " + port + " closed", 1, true, h.name(),
        state.equals("open") ? Outcome.FAIL : Outcome.PASS, h.address() + ":" + port + " " + state);
  }

  /** "open", "refused" or "no answer" (filtered or host down: not open either). */
  static String tcp(String address, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(address, port), TIMEOUT_MS);
      return "open";
    } catch (java.net.ConnectException e) {
      return "refused";
    } catch (IOException e) {
      return "no answer";
    }
  }

  static Finding anonymous(String title, String host, String url) {
    String id = "probe:anonymous";
    try {
      HttpsURLConnection c = (HttpsURLConnection) URI.create(url).toURL().openConnection();
      c.setSSLSocketFactory(ACCEPT_ANY.getSocketFactory());
      c.setHostnameVerifier((name, session) -> true);
      c.setConnectTimeout(TIMEOUT_MS);
      c.setReadTimeout(TIMEOUT_MS);
      int status = c.getResponseCode();
      c.disconnect();
      boolean refused = status == HttpURLConnection.HTTP_UNAUTHORIZED || status == HttpURLConnection.HTTP_FORBIDDEN;
      return new Finding(id, title, 1, true, host, refused ? Outcome.PASS : Outcome.FAIL, url + " -> HTTP " + status);
    } catch (IOException e) {
      return new Finding(id, title, 1, true, host, Outcome.FAIL, url + " -> no HTTP answer: " + e.getMessage());
    }
  }

  private static final SSLContext ACCEPT_ANY = acceptAny();

  private static SSLContext acceptAny() {
    TrustManager any = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // a probe of refusal: no identity to check
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // a probe of refusal: no identity to check
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {any}, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.kubeyard.engine.apps.pyservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.ClusterPki;
import dev.kubeyard.engine.pki.KeyFiles;
import dev.kubeyard.engine.pki.PkiNames;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.engine.testing.TestCa;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe against a TLS server on loopback that serves the apiserver certificate the engine's PKI
 * issues (its SANs include "kubernetes"), standing in for the controller on the VIP.
 */
class GatewayProbeTest {
  private static final String READY = "{\"status\":\"ready\",\"dependencies\":{\"elasticsearch\":"
      + "{\"status\":\"up\",\"detail\":\"green\",\"latency_ms\":3}}}";
  @TempDir
  static Path pki;
  private static SSLContext server;

  @BeforeAll
  static void issueThePki() throws Exception {
    ClusterPki.ensure(ClusterFacts.of(Specs.current()), pki, Clock.systemUTC());
    KeyFiles files = KeyFiles.at(pki);
    Certificate cert;
    try (InputStream in = Files.newInputStream(files.certificate(PkiNames.APISERVER))) {
      cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("server", privateKey(files.privateKey(PkiNames.APISERVER)), new char[0], new Certificate[] {cert});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    server = SSLContext.getInstance("TLS");
    server.init(kmf.getKeyManagers(), null, null);
  }

  private static PrivateKey privateKey(Path pem) throws Exception {
    try (Reader r = Files.newBufferedReader(pem); PEMParser parser = new PEMParser(r)) {
      Object o = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      return o instanceof PEMKeyPair pair ? converter.getKeyPair(pair).getPrivate()
          : converter.getPrivateKey((PrivateKeyInfo) o);
    }
  }

  /** Serves one connection: the request head it read and the SNI it was sent. */
  private record Served(String request, List<String> sni) {}

  private static CompletableFuture<Served> serveOnce(SSLServerSocket listener, String response) {
    return CompletableFuture.supplyAsync(() -> {
      try (listener; SSLSocket s = (SSLSocket) listener.accept()) {
        s.setSoTimeout(5000);
        s.startHandshake();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
          head.write(in.read());
        }
        s.getOutputStream().write(response.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        List<String> sni = ((ExtendedSSLSession) s.getSession()).getRequestedServerNames().stream()
            .map(n -> ((SNIHostName) n).getAsciiName()).toList();
        return new Served(head.toString(StandardCharsets.US_ASCII), sni);
      } catch (Exception e) {
        return new Served("failed: " + e, List.of());
      }
    });
  }

  private static SSLServerSocket listen() throws Exception {
    return (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 1,
        java.net.InetAddress.getLoopbackAddress());
  }

  @Test
  void getsReadyzWithTheHostAsSniAndHostHeaderAndReadsTheElasticsearchState() throws Exception {
    SSLServerSocket listener = listen();
    String chunked = Integer.toHexString(READY.length()) + "\r\n" + READY + "\r\n0\r\n\r\n";
    CompletableFuture<Served> served = serveOnce(listener, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n" + chunked);

    GatewayProbe.Result r = GatewayProbe.trusting(pki.resolve("ca.pem"), Duration.ofSeconds(5))
        .get("127.0.0.1", listener.getLocalPort(), "kubernetes", "/readyz");

    assertThat(r.ok()).as(r.describe()).isTrue();
    assertThat(r.elasticsearch()).isEqualTo("up");
    assertThat(r.describe()).isEqualTo("https://kubernetes:" + listener.getLocalPort() + "/readyz answered 200, Elasticsearch up");
    Served s = served.get(10, TimeUnit.SECONDS);
    assertThat(s.sni()).containsExactly("kubernetes");
    assertThat(s.request()).startsWith("GET /readyz HTTP/1.1\r\n").contains("Host: kubernetes:" + listener.getLocalPort());
  }

  @Test
  void aTokenIsSentAsABearerHeaderAndNeverAppearsInTheResult() throws Exception {
    SSLServerSocket listener = listen();
    CompletableFuture<Served> served = serveOnce(listener, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + READY.length() + "\r\n\r\n" + READY);

    GatewayProbe.Result r = GatewayProbe.trusting(pki.resolve("ca.pem"), Duration.ofSeconds(5))
        .get("127.0.0.1", listener.getLocalPort(), "kubernetes", "/api/status", "kyg_secret-token");

    assertThat(r.describe()).endsWith("/api/status answered 200, Elasticsearch up").doesNotContain("kyg_");
    assertThat(served.get(10, TimeUnit.SECONDS).request()).startsWith("GET /api/status HTTP/1.1\r\n")
        .contains("\r\nAuthorization: Bearer kyg_secret-token\r\n");
  }

  @Test
  void aNotReadyAnswerIsReportedWithItsStatusAndIsNotOk() throws Exception {
    SSLServerSocket listener = listen();
    String body = READY.replace("\"ready\"", "\"not_ready\"").replace("\"up\"", "\"down\"");
    serveOnce(listener, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

    GatewayProbe.Result r = GatewayProbe.trusting(pki.resolve("ca.pem"), Duration.ofSeconds(5))
        .get("127.0.0.1", listener.getLocalPort(), "kubernetes", "/readyz");

    assertThat(r.ok()).isFalse();
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.elasticsearch()).isEqualTo("down");
  }

  @Test
  void aHostTheCertificateDoesNotNameIsRefusedBeforeAnyRequest() throws Exception {
    SSLServerSocket listener = listen();
    CompletableFuture<Served> served = serveOnce(listener, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

    GatewayProbe.Result r = GatewayProbe.trusting(pki.resolve("ca.pem"), Duration.ofSeconds(5))
        .get("127.0.0.1", listener.getLocalPort(), "gateway.example.com", "/readyz");

    assertThat(r.status()).isZero();
    assertThat(r.describe()).startsWith("https://gateway.example.com:" + listener.getLocalPort() + "/readyz not reached: ")
        .contains("gateway.example.com");
    assertThat(served.get(10, TimeUnit.SECONDS).request()).startsWith("failed:");
  }

  @Test
  void aCertificateFromAnotherCaIsRefused() throws Exception {
    SSLServerSocket listener = listen();
    serveOnce(listener, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

    GatewayProbe.Result r = GatewayProbe.trusting(pki.resolve("etcd-ca.pem"), Duration.ofSeconds(5))
        .get("127.0.0.1", listener.getLocalPort(), "kubernetes", "/readyz");

    assertThat(r.status()).isZero();
    assertThat(r.error()).containsIgnoringCase("certification path");
  }

  @Test
  void withTheAdministratorsOwnCertificateTheProbeTrustsThatCertificateFileAndNotTheClusterCa() throws Exception {
    TestCa ca = new TestCa();
    TestCa.Issued leaf = ca.leaf(90, "*.example.com");
    Path chain = Files.writeString(pki.resolve("own-ingress.crt"), ca.chainPem(leaf));
    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    Certificate[] served = x509.generateCertificates(Files.newInputStream(chain)).toArray(new Certificate[0]);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("own", leaf.key().getPrivate(), new char[0], served);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    SSLContext own = SSLContext.getInstance("TLS");
    own.init(kmf.getKeyManagers(), null, null);
    ClusterFacts facts = ClusterFacts.of(Specs.example(y -> y.replace("\npki:\n",
        "\npki:\n  ingressCertificate: {certificateFile: " + chain + ", keyFile: " + chain + "}\n")));
    assertThat(GatewayEndpoint.trustFor(facts, pki.getParent())).isEqualTo(chain);

    for (Path trust : List.of(chain, pki.resolve("ca.pem"))) {
      SSLServerSocket listener = (SSLServerSocket) own.getServerSocketFactory().createServerSocket(0, 1,
          java.net.InetAddress.getLoopbackAddress());
      serveOnce(listener, "HTTP/1.1 200 OK\r\nContent-Length: " + READY.length() + "\r\n\r\n" + READY);
      GatewayProbe.Result r = GatewayProbe.trusting(trust, Duration.ofSeconds(5))
          .get("127.0.0.1", listener.getLocalPort(), "gateway.example.com", "/readyz");
      assertThat(r.ok()).as(trust + ": " + r.describe()).isEqualTo(trust.equals(chain));
    }
  }
}

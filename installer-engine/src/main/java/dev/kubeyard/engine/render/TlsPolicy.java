package dev.kubeyard.engine.render;

import java.util.List;

/**
 * The TLS every Kubeyard server speaks (apiserver, kubelets on Linux and Windows, etcd): 1.2 at least,
 * and for 1.2 only ECDHE with AES-GCM, the suites the CIS benchmark lists as strong (1.2.29, 2.x,
 * 4.2.12); Go's TLS 1.3 suites are not configurable and are all strong. Both key types are listed so
 * an ECDSA PKI works as well as the default RSA one. Names are Go's, which both lines (1.14, current)
 * and etcd accept.
 */
final class TlsPolicy {
  static final String MIN_VERSION = "VersionTLS12";
  static final List<String> CIPHER_SUITES = List.of(
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");

  private TlsPolicy() {}

  /** The value of a {@code --tls-cipher-suites} / {@code --cipher-suites} flag. */
  static String cipherSuites() {
    return String.join(",", CIPHER_SUITES);
  }
}

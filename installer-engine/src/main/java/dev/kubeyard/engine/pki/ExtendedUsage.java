package dev.kubeyard.engine.pki;

import org.bouncycastle.asn1.x509.KeyPurposeId;

/** What a leaf certificate may be used for in TLS (the extendedKeyUsage extension). */
public enum ExtendedUsage {
  SERVER_AUTH(KeyPurposeId.id_kp_serverAuth, "serverAuth"),
  CLIENT_AUTH(KeyPurposeId.id_kp_clientAuth, "clientAuth");

  private final KeyPurposeId purpose;
  private final String label;

  ExtendedUsage(KeyPurposeId purpose, String label) {
    this.purpose = purpose;
    this.label = label;
  }

  KeyPurposeId purpose() {
    return purpose;
  }

  @Override
  public String toString() {
    return label;
  }
}

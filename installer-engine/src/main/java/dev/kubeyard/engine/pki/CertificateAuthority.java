package dev.kubeyard.engine.pki;

/**
 * The three certificate authorities. They are separate on purpose: a client certificate from the
 * cluster CA (a kubelet's, say) must not open etcd, and the aggregation layer's requestheader CA must
 * not be the cluster CA (the original notes' mistake), or any cluster client could impersonate users.
 */
public enum CertificateAuthority {
  CLUSTER(PkiNames.CA, "kubernetes-ca"),
  ETCD(PkiNames.ETCD_CA, "etcd-ca"),
  FRONT_PROXY(PkiNames.FRONT_PROXY_CA, "front-proxy-ca");

  private final String fileName;
  private final String commonName;

  CertificateAuthority(String fileName, String commonName) {
    this.fileName = fileName;
    this.commonName = commonName;
  }

  /** The name its files carry: {@code <name>.pem} and {@code <name>-key.pem}. */
  public String fileName() {
    return fileName;
  }

  public String commonName() {
    return commonName;
  }
}

package dev.kubeyard.engine.pki;

/**
 * The names of the PKI material: a contract other code (rendering, the apply steps) relies on.
 * A name {@code n} is stored as {@code n.pem} (certificate) and {@code n-key.pem} (private key);
 * the service-account public key is {@code sa.pub}.
 */
public final class PkiNames {
  public static final String CA = "ca";
  public static final String FRONT_PROXY_CA = "front-proxy-ca";
  public static final String ETCD_CA = "etcd-ca";
  public static final String SERVICE_ACCOUNT = "sa";
  public static final String APISERVER = "kubernetes";
  public static final String APISERVER_KUBELET_CLIENT = "apiserver-kubelet-client";
  public static final String APISERVER_ETCD_CLIENT = "apiserver-etcd-client";
  public static final String ETCD_HEALTHCHECK_CLIENT = "etcd-healthcheck-client";
  public static final String ADMIN = "admin";
  /** The system:masters credential kept only in the work machine's plan folder (ADR 38). */
  public static final String BREAK_GLASS = "break-glass";
  /** metrics-server's serving certificate for the aggregated metrics API. */
  public static final String METRICS_SERVER = "metrics-server";
  public static final String CONTROLLER_MANAGER = "kube-controller-manager";
  public static final String SCHEDULER = "kube-scheduler";
  public static final String KUBE_PROXY = "kube-proxy";
  public static final String FRONT_PROXY_CLIENT = "front-proxy-client";
  /** haproxy's client certificate for its apiserver health checks (the apiservers refuse anonymous requests). */
  public static final String LB_HEALTHCHECK_CLIENT = "lb-healthcheck-client";
  /** The ingress controller's default serving certificate for the apps' hosts (ADR 29). */
  public static final String INGRESS = "ingress";

  private PkiNames() {}

  /** The serving/peer certificate of the etcd member on {@code hostName}. */
  public static String etcdMember(String hostName) {
    return "etcd-" + hostName;
  }

  /** A SQL Server replica's database mirroring endpoint certificate (ADR 41), e.g. mssql-ag1-0-endpoint. */
  public static String sqlServerEndpoint(String pod) {
    return "mssql-" + pod + "-endpoint";
  }

  /** The TLS server certificate every replica of the availability group {@code group} presents to clients. */
  public static String sqlServerTls(String group) {
    return "mssql-" + group + "-tls";
  }

  /** The TLS server certificate of GitLab's PostgreSQL members and PgBouncer (ADR 42). */
  public static final String GITLAB_POSTGRES_TLS = "gitlab-postgres-tls";

  /** The kubelet certificate of the node {@code hostName}. */
  public static String kubelet(String hostName) {
    return "kubelet-" + hostName;
  }
}

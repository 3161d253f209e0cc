package dev.kubeyard.engine.render;

/** Where things live on a Linux host (the kubeasz layout the original notes use). */
public final class HostPaths {
  public static final String BIN = "/opt/kube/bin";
  /** Shared libraries of the bundle's Debian programs (haproxy, keepalived), kept apart from the host's. */
  public static final String LIB = "/opt/kube/lib";
  /** Container image archives from the bundle, kept so a re-run can tell they were imported. */
  public static final String IMAGES = "/var/lib/kubeyard/images";
  public static final String CNI_BIN = "/opt/cni/bin";
  public static final String CNI_CONF = "/etc/cni/net.d";
  public static final String SSL = "/etc/kubernetes/ssl";
  public static final String ETCD_SSL = "/etc/etcd/ssl";
  public static final String KUBE = "/etc/kubernetes";
  public static final String ADDONS = KUBE + "/addons";
  public static final String UNITS = "/etc/systemd/system";
  public static final String ETCD_DATA = "/var/lib/etcd";
  public static final String KUBELET_DIR = "/var/lib/kubelet";
  public static final String KUBE_PROXY_DIR = "/var/lib/kube-proxy";
  public static final String AUDIT_LOG = "/var/log/kubernetes/audit.log";

  private HostPaths() {}

  public static String ssl(String pkiName) {
    return SSL + "/" + pkiName + ".pem";
  }

  public static String sslKey(String pkiName) {
    return SSL + "/" + pkiName + "-key.pem";
  }

  /** Where haproxy looks for the key of a server {@code crt} file: beside it, with ".key" appended. */
  public static String haproxyKey(String pkiName) {
    return ssl(pkiName) + ".key";
  }

  public static String kubeconfig(String component) {
    return KUBE + "/" + component + ".kubeconfig";
  }

  public static String unit(String service) {
    return UNITS + "/" + service + ".service";
  }
}

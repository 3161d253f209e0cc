package dev.kubeyard.engine.apps.sqlserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.AppNamespace;
import dev.kubeyard.engine.podsecurity.PodSecurityLevel;

/** The namespace, SQL Server's configuration file and the disruption budget. */
final class GroupObjects {
  /** Where the pod template mounts what SQL Server reads; the bootstrap names the same paths. */
  static final String CONFIG_DIR = "/var/opt/mssql";
  static final String TLS_DIR = "/etc/kubeyard/mssql/tls";
  static final String ENDPOINT_CERTIFICATES_DIR = "/etc/kubeyard/mssql/endpoints";
  static final String ENDPOINT_KEYS_DIR = "/etc/kubeyard/mssql/endpoint-keys";
  static final String OWN_ENDPOINT_KEY_DIR = "/etc/kubeyard/mssql/endpoint-key";
  static final String OWN_ENDPOINT_KEY = OWN_ENDPOINT_KEY_DIR + "/endpoint.pvk";
  /** The container's memory; SQL Server may use 80 % of it (memory.memorylimitmb), the rest is the OS's. */
  static final int MEMORY_MIB = 4096;

  private GroupObjects() {}

  /**
   * Restricted (ADR 35): SQL Server runs as the image's mssql user (10001) without capabilities; the one
   * init container copies the replica's endpoint key as the same user.
   */
  static ObjectNode namespace(SqlServerDeployment d) {
    return AppNamespace.of(d.namespace(), AgLabels.object(d), PodSecurityLevel.RESTRICTED, d.kubernetes());
  }

  /**
   * mssql.conf: TLS with the certificate Kubeyard issued, required for every client connection, TLS 1.2
   * at least; availability groups on; memory below the container's limit, so the kernel never kills it.
   */
  static ObjectNode config(SqlServerDeployment d) {
    ObjectNode cm = AgLabels.NODES.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
    cm.set("metadata", AgLabels.metadata(d, d.group() + "-mssql-conf"));
    String conf = String.join("\n",
        "[network]",
        "tlscert = " + TLS_DIR + "/tls.crt",
        "tlskey = " + TLS_DIR + "/tls.key",
        "tlsprotocols = 1.2",
        "forceencryption = 1",
        "",
        "[hadr]",
        "hadrenabled = 1",
        "",
        "[memory]",
        "memorylimitmb = " + MEMORY_MIB * 4 / 5,
        "");
    cm.putObject("data").put("mssql.conf", conf);
    return cm;
  }

  /**
   * One replica away at a time by a drain: with 3 replicas and RSSTC 1, the primary and one synchronous
   * secondary stay, so commits go on. policy/v1 from 1.21.
   */
  static ObjectNode budget(SqlServerDeployment d) {
    ObjectNode pdb = AgLabels.NODES.objectNode()
        .put("apiVersion", d.kubernetes().atLeast(21) ? "policy/v1" : "policy/v1beta1")
        .put("kind", "PodDisruptionBudget");
    pdb.set("metadata", AgLabels.metadata(d, d.group()));
    ObjectNode spec = pdb.putObject("spec").put("maxUnavailable", 1);
    spec.putObject("selector").set("matchLabels", AgLabels.replicas(d));
    return pdb;
  }
}

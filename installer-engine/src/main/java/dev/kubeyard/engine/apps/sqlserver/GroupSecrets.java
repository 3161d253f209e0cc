package dev.kubeyard.engine.apps.sqlserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.pki.PkiMaterial;
import dev.kubeyard.engine.pki.PkiNames;
import dev.kubeyard.engine.pki.SqlServerKeyFiles;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The group's Secrets (ADR 41), made at deploy time, never rendered into a plan folder or a golden file:
 * the TLS server certificate and the replicas' mirroring endpoint certificates, both issued by the cluster
 * CA into the PKI folder (keys 0600 there), and the two passwords, generated here.
 */
public final class GroupSecrets {
  /** Letters, digits and symbols that need no quoting in T-SQL, sqlcmd variables or an environment variable. */
  private static final String[] CLASSES = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789",
      "-_.+!#%*="};
  private static final int PASSWORD_LENGTH = 32;

  private GroupSecrets() {}

  /** tls.crt and tls.key for every replica: clients verify it against the cluster CA. */
  public static Manifest tls(SqlServerDeployment d, PkiMaterial pki) {
    String name = PkiNames.sqlServerTls(d.group());
    ObjectNode secret = secret(d, d.tlsSecret()).put("type", "kubernetes.io/tls");
    ObjectNode data = secret.putObject("data");
    data.put("tls.crt", base64(pki.certificate(name).getBytes(StandardCharsets.US_ASCII)));
    data.put("tls.key", base64(pki.privateKey(name).getBytes(StandardCharsets.US_ASCII)));
    return new Manifest("secret-tls.yaml", secret);
  }

  /** {@code <pod>.cer} (DER) and {@code <pod>.pvk} of every replica, as the bootstrap's CREATE CERTIFICATE reads them. */
  public static Manifest endpointCertificates(SqlServerDeployment d, PkiMaterial pki) {
    ObjectNode secret = secret(d, d.endpointSecret()).put("type", "Opaque");
    ObjectNode data = secret.putObject("data");
    for (String pod : d.names().pods()) {
      String name = PkiNames.sqlServerEndpoint(pod);
      data.put(pod + ".cer", base64(SqlServerKeyFiles.certificateDer(pki.certificate(name))));
    }
    for (String pod : d.names().pods()) {
      data.put(pod + ".pvk", base64(SqlServerKeyFiles.pvk(pki.privateKey(PkiNames.sqlServerEndpoint(pod)))));
    }
    return new Manifest("secret-endpoint-certificates.yaml", secret);
  }

  /**
   * A password Secret (key {@value SqlServerDeployment#PASSWORD_KEY}) for the SA login or the database master
   * key: 32 characters with every class SQL Server's password policy counts. Created only when absent: a
   * new SA password on a running group would lock Kubeyard out of it.
   */
  public static Manifest password(SqlServerDeployment d, String secretName, SecureRandom random) {
    ObjectNode secret = secret(d, secretName).put("type", "Opaque");
    secret.putObject("stringData").put(SqlServerDeployment.PASSWORD_KEY, password(random));
    return new Manifest("secret-" + secretName + ".yaml", secret);
  }

  /** The password Secrets the spec names: the SA login's and the master key's. */
  public static List<String> passwordSecrets(SqlServerDeployment d) {
    return List.of(d.saPasswordSecret(), d.masterKeyPasswordSecret());
  }

  static String password(SecureRandom random) {
    StringBuilder b = new StringBuilder();
    for (String c : CLASSES) {
      b.append(c.charAt(random.nextInt(c.length())));
    }
    String all = String.join("", CLASSES);
    while (b.length() < PASSWORD_LENGTH) {
      b.append(all.charAt(random.nextInt(all.length())));
    }
    for (int i = b.length() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      char t = b.charAt(i);
      b.setCharAt(i, b.charAt(j));
      b.setCharAt(j, t);
    }
    return b.toString();
  }

  private static ObjectNode secret(SqlServerDeployment d, String name) {
    ObjectNode secret = AgLabels.NODES.objectNode().put("apiVersion", "v1").put("kind", "Secret");
    secret.set("metadata", AgLabels.metadata(d, name));
    return secret;
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}

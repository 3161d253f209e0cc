package dev.kubeyard.engine.apps.gitlab.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.apps.gitlab.GeneratedPassword;
import dev.kubeyard.engine.pki.CertificateAuthority;
import dev.kubeyard.engine.pki.PkiMaterial;
import dev.kubeyard.engine.pki.PkiNames;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * GitLab's PostgreSQL Secrets (ADR 42), made at deploy time, never rendered into a plan folder or a golden
 * file: the server certificate issued by the cluster CA (with the CA, which PgBouncer and the replicas
 * verify against), and the three passwords, generated here and created only when absent (a new superuser
 * password on a running cluster would lock Patroni out of it).
 */
public final class PostgresSecrets {
  private static final int PASSWORD_LENGTH = 32;

  private PostgresSecrets() {}

  public static Manifest tls(PostgresDeployment d, PkiMaterial pki) {
    ObjectNode secret = secret(d, PostgresDeployment.TLS_SECRET).put("type", "kubernetes.io/tls");
    ObjectNode data = secret.putObject("data");
    data.put("tls.crt", base64(pki.certificate(PkiNames.GITLAB_POSTGRES_TLS)));
    data.put("tls.key", base64(pki.privateKey(PkiNames.GITLAB_POSTGRES_TLS)));
    data.put("ca.crt", base64(pki.authorityCertificate(CertificateAuthority.CLUSTER)));
    return new Manifest("secret-tls.yaml", secret);
  }

  /** The Secrets holding a generated password, key {@value PostgresDeployment#PASSWORD_KEY}. */
  public static List<String> passwordSecrets() {
    return List.of(PostgresDeployment.GITLAB_PASSWORD_SECRET, PostgresDeployment.SUPERUSER_SECRET,
        PostgresDeployment.REPLICATION_SECRET);
  }

  public static Manifest password(PostgresDeployment d, String name, SecureRandom random) {
    ObjectNode secret = secret(d, name).put("type", "Opaque");
    secret.putObject("stringData").put(PostgresDeployment.PASSWORD_KEY, password(random));
    return new Manifest("secret-" + name + ".yaml", secret);
  }

  static String password(SecureRandom random) {
    return GeneratedPassword.of(random, PASSWORD_LENGTH);
  }

  private static ObjectNode secret(PostgresDeployment d, String name) {
    ObjectNode secret = PostgresLabels.NODES.objectNode().put("apiVersion", "v1").put("kind", "Secret");
    secret.set("metadata", PostgresLabels.metadata(d, name, PostgresLabels.component("gitlab-postgres")));
    return secret;
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }
}

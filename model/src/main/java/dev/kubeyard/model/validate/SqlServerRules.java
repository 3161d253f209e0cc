package dev.kubeyard.model.validate;

import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.SqlServerSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * apps.sqlserver (ADR 41): an availability group Kubeyard's controller can fail over without losing an
 * acknowledged commit, from an image the site imported, under licence terms the spec accepts explicitly,
 * with passwords only as references to Secrets.
 */
final class SqlServerRules implements Rule {
  /** Editions with full availability groups; Standard has basic ones only (2 replicas, 1 database). */
  static final List<String> EDITIONS = List.of("Enterprise", "EnterpriseCore", "Developer", "Evaluation");
  /** An image of mssql/server by tag or digest, in any registry: the tag's year names its version. */
  private static final Pattern IMAGE =
      Pattern.compile("(?:[a-z0-9.-]+(?::[0-9]+)?/)?(?:[a-z0-9._-]+/)*mssql/server(?::([A-Za-z0-9._-]+))?(@sha256:[0-9a-f]{64})?");
  private static final Pattern SIZE = Pattern.compile("[1-9][0-9]*(Mi|Gi|Ti)");
  private static final Set<String> SYSTEM_DATABASES = Set.of("master", "model", "msdb", "tempdb");
  /** SQL Server's synchronous-commit limit (2019 and later): the primary and 4 secondaries. */
  static final int MAX_REPLICAS = 5;
  /** The pods are named {@code <group>-<n>} and SQL Server's server name (the pod's) has 15 characters at most. */
  static final int MAX_GROUP_NAME = 13;

  @Override
  public void check(ClusterSpec s, Problems out) {
    SqlServerSpec sql = s.apps() == null ? null : s.apps().sqlserver();
    if (sql == null || Boolean.FALSE.equals(sql.enabled())) {
      return;
    }
    String at = "apps.sqlserver.";
    if (!"2019".equals(sql.version()) && !"2022".equals(sql.version())) {
      out.add(at + "version", sql.version(), "apps.sqlVersion");
    }
    if (sql.edition() == null) {
      out.add(at + "edition", null, "apps.sqlEditionMissing", String.join(", ", EDITIONS));
    } else if (!EDITIONS.contains(sql.edition())) {
      out.add(at + "edition", sql.edition(), "apps.sqlEdition", String.join(", ", EDITIONS));
    }
    checkImage(sql, out);
    if (!Boolean.TRUE.equals(sql.acceptEula())) {
      out.add(at + "acceptEula", sql.acceptEula(), "apps.sqlEula");
    }
    AppRules.checkNamespace(at + "namespace", sql.namespace(), out);
    int replicas = sql.replicas() == null ? 0 : sql.replicas();
    if (replicas < 3) {
      out.add(at + "replicas", sql.replicas(), "apps.sqlReplicasTooFew");
    } else if (replicas > MAX_REPLICAS) {
      out.add(at + "replicas", sql.replicas(), "apps.sqlReplicasTooMany", MAX_REPLICAS);
    }
    String group = sql.availabilityGroup();
    if (!Names.dnsLabel(group) || group.length() > MAX_GROUP_NAME) {
      out.add(at + "availabilityGroup", group, "apps.sqlGroupName", MAX_GROUP_NAME);
    }
    checkDatabases(sql.databases(), out);
    if (!SIZE.matcher(String.valueOf(sql.storageSize())).matches()) {
      out.add(at + "storageSize", sql.storageSize(), "apps.sqlStorageSize");
    }
    if (sql.storageClass() != null && !Names.nodeName(sql.storageClass())) {
      out.add(at + "storageClass", sql.storageClass(), "apps.sqlStorageClass");
    }
    if (!Names.inRange(sql.writeLeaseValiditySeconds(), 10, 300)) {
      out.add(at + "writeLeaseValiditySeconds", sql.writeLeaseValiditySeconds(), "apps.sqlWriteLease");
    }
    Integer rsstc = sql.requiredSynchronizedSecondariesToCommit();
    // at least n / 2 secondaries harden each commit: with the primary a majority holds it, so the
    // majority a promotion waits for always includes one (ADR 40: five replicas and RSSTC 1 can lose one)
    int quorum = SqlServerSpec.defaultRequiredSynchronizedSecondaries(replicas);
    if (replicas >= 3 && !Names.inRange(rsstc, quorum, replicas - 1)) {
      out.add(at + "requiredSynchronizedSecondariesToCommit", rsstc, "apps.sqlRsstc", replicas - 1, quorum);
    }
    checkPasswordReference(at + "saPasswordFrom", sql.saPasswordFrom(), sql.namespace(), "sa-password", out);
    checkPasswordReference(at + "masterKeyPasswordFrom", sql.masterKeyPasswordFrom(), sql.namespace(),
        "master-key-password", out);
    if (sql.exposeTcpPort() != null && !Names.inRange(sql.exposeTcpPort(), 1, 65535)) {
      out.add(at + "exposeTcpPort", sql.exposeTcpPort(), "apps.sqlPort");
    }
  }

  private static void checkImage(SqlServerSpec sql, Problems out) {
    String path = "apps.sqlserver.image";
    if (sql.image() == null) {
      out.add(path, null, "apps.sqlImageMissing", sql.version());
      return;
    }
    Matcher m = IMAGE.matcher(sql.image());
    if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
      out.add(path, sql.image(), "apps.sqlImage", sql.version());
      return;
    }
    String tag = m.group(1);
    if (tag != null && tag.matches("20\\d\\d.*") && !tag.startsWith(String.valueOf(sql.version()))) {
      out.add(path, sql.image(), "apps.sqlImageVersion", tag.substring(0, 4), sql.version());
    }
  }

  private static void checkDatabases(List<String> databases, Problems out) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < databases.size(); i++) {
      String db = databases.get(i);
      String path = "apps.sqlserver.databases[" + i + "]";
      if (db == null || !db.matches("[A-Za-z_][A-Za-z0-9_@$#-]{0,122}")
          || SYSTEM_DATABASES.contains(db.toLowerCase(Locale.ROOT))) {
        out.add(path, db, "apps.sqlDatabase");
      } else if (!seen.add(db.toLowerCase(Locale.ROOT))) {
        out.add(path, db, "apps.sqlDatabaseTwice");
      }
    }
  }

  /**
   * A reference names a Secret in the group's own namespace (a pod mounts only its namespace's Secrets).
   * Anything else may be a password typed into the spec, so the value is never repeated in the problem.
   */
  private static void checkPasswordReference(String path, String reference, String namespace, String name,
      Problems out) {
    String prefix = SqlServerSpec.SECRET_REFERENCE + namespace + "/";
    if (reference == null || !reference.startsWith(SqlServerSpec.SECRET_REFERENCE)) {
      out.add(path, null, "apps.sqlPasswordLiteral", prefix + name);
    } else if (!reference.startsWith(prefix) || !Names.nodeName(SqlServerSpec.secretName(reference))) {
      out.add(path, reference, "apps.sqlPasswordReference", prefix + name);
    }
  }
}

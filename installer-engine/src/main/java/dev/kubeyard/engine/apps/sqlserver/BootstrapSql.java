package dev.kubeyard.engine.apps.sqlserver;

import java.util.ArrayList;
import java.util.List;

/**
 * The T-SQL that makes the replicas an availability group with {@code CLUSTER_TYPE = EXTERNAL} (ADR 41),
 * per SQL Server version. Every statement is guarded by a catalog or state check, so a script run twice, or
 * run again after it stopped half way, does only what is missing. Batches are separated by {@code GO}
 * lines and the passwords are sqlcmd variables ({@code $(MASTER_KEY_PASSWORD)} from the master-key Secret,
 * {@code $(ENDPOINT_LOGIN_PASSWORD)} random per run: those logins only ever connect by certificate), as
 * {@code sqlcmd -v} reads them; no password is in a rendered file.
 *
 * <p>Checked against Microsoft's documentation:
 * https://learn.microsoft.com/sql/linux/business-continuity/high-availability/configure-custom-logic
 * (CLUSTER_TYPE = EXTERNAL, FAILOVER_MODE = EXTERNAL per replica, JOIN WITH (CLUSTER_TYPE = EXTERNAL) and
 * GRANT CREATE ANY DATABASE on the secondaries, 2026-02-04);
 * https://learn.microsoft.com/sql/t-sql/statements/create-availability-group-transact-sql (DB_FAILOVER,
 * REQUIRED_SYNCHRONIZED_SECONDARIES_TO_COMMIT, WRITE_LEASE_VALIDITY, CONTAINED, SEEDING_MODE);
 * https://learn.microsoft.com/sql/t-sql/statements/create-certificate-transact-sql (FROM FILE: DER; PRIVATE
 * KEY FILE: PVK, no password when the key has none);
 * https://learn.microsoft.com/sql/database-engine/database-mirroring/database-mirroring-use-certificates-for-inbound-connections
 * (a login, a user and the peer's certificate per peer, CONNECT on the endpoint);
 * the Linux prerequisites (master key, CREATE ENDPOINT ... AUTHENTICATION = CERTIFICATE, ENCRYPTION =
 * REQUIRED ALGORITHM AES) in docs/linux/includes/cluster-availability-group-create-prereq.md of
 * MicrosoftDocs/sql-docs. WRITE_LEASE_VALIDITY exists from 2019 (major version 15), as Microsoft's
 * Pacemaker agent (microsoft/mssql-server-ha, ag/lib.go) sets it.
 */
public final class BootstrapSql {
  public static final String ENDPOINT = "Hadr_endpoint";

  private BootstrapSql() {}

  /** Run on every replica: its master key, its own certificate, its peers' certificates and logins, the endpoint. */
  public static String replica(SqlServerDeployment d, int ordinal) {
    List<String> out = new ArrayList<>();
    String own = d.names().pod(ordinal);
    out.add(header("replica " + own + ": master key, endpoint certificates, mirroring endpoint"));
    out.add("""
        IF NOT EXISTS (SELECT 1 FROM sys.symmetric_keys WHERE name = N'##MS_DatabaseMasterKey##')
            CREATE MASTER KEY ENCRYPTION BY PASSWORD = N'$(MASTER_KEY_PASSWORD)';
        """);
    out.add("""
        IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = N'%s')
            CREATE CERTIFICATE %s
                FROM FILE = N'%s'
                WITH PRIVATE KEY (FILE = N'%s');
        """.formatted(certificate(own), quoted(certificate(own)), cerFile(own), GroupObjects.OWN_ENDPOINT_KEY));
    for (String peer : d.names().pods()) {
      if (peer.equals(own)) {
        continue;
      }
      String login = certificate(peer);
      out.add("""
          IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'%1$s')
              CREATE LOGIN %2$s WITH PASSWORD = N'$(ENDPOINT_LOGIN_PASSWORD)';
          """.formatted(login, quoted(login)));
      out.add("""
          IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'%1$s')
              CREATE USER %2$s FOR LOGIN %2$s;
          """.formatted(login, quoted(login)));
      out.add("""
          IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = N'%1$s')
              CREATE CERTIFICATE %2$s AUTHORIZATION %2$s FROM FILE = N'%3$s';
          """.formatted(login, quoted(login), cerFile(peer)));
    }
    out.add("""
        IF NOT EXISTS (SELECT 1 FROM sys.database_mirroring_endpoints WHERE name = N'%1$s')
            CREATE ENDPOINT %2$s
                STATE = STARTED
                AS TCP (LISTENER_PORT = %3$d, LISTENER_IP = ALL)
                FOR DATABASE_MIRRORING (
                    ROLE = ALL,
                    AUTHENTICATION = CERTIFICATE %4$s,
                    ENCRYPTION = REQUIRED ALGORITHM AES);
        """.formatted(ENDPOINT, quoted(ENDPOINT), SqlServerDeployment.MIRRORING_PORT, quoted(certificate(own))));
    out.add("""
        IF EXISTS (SELECT 1 FROM sys.database_mirroring_endpoints WHERE name = N'%1$s' AND state_desc <> N'STARTED')
            ALTER ENDPOINT %2$s STATE = STARTED;
        """.formatted(ENDPOINT, quoted(ENDPOINT)));
    for (String peer : d.names().pods()) {
      if (!peer.equals(own)) {
        out.add("""
            IF NOT EXISTS (SELECT 1 FROM sys.server_permissions p
                           JOIN sys.server_principals s ON s.principal_id = p.grantee_principal_id
                           JOIN sys.endpoints e ON e.endpoint_id = p.major_id
                           WHERE p.class_desc = N'ENDPOINT' AND p.permission_name = N'CONNECT'
                             AND p.state_desc = N'GRANT' AND s.name = N'%1$s' AND e.name = N'%3$s')
                GRANT CONNECT ON ENDPOINT::%4$s TO %2$s;
            """.formatted(certificate(peer), quoted(certificate(peer)), ENDPOINT, quoted(ENDPOINT)));
      }
    }
    out.add("""
        IF EXISTS (SELECT 1 FROM sys.server_event_sessions WHERE name = N'AlwaysOn_health' AND startup_state = 0)
            ALTER EVENT SESSION AlwaysOn_health ON SERVER WITH (STARTUP_STATE = ON);
        """);
    return join(out);
  }

  /**
   * Run once on the first primary (replica 0): the group with every replica synchronous, failed over only by
   * the external controller, seeded automatically; then the spec's databases, created if missing, in full
   * recovery with a first full backup (seeding needs the log chain), and added to the group.
   */
  public static String createGroup(SqlServerDeployment d) {
    List<String> out = new ArrayList<>();
    out.add(header("on " + d.names().pod(0) + ", the first primary: create availability group " + d.group()));
    List<String> replicas = new ArrayList<>();
    for (int i = 0; i < d.replicas(); i++) {
      replicas.add("""
          N'%s' WITH (
              ENDPOINT_URL = N'%s',
              AVAILABILITY_MODE = SYNCHRONOUS_COMMIT,
              FAILOVER_MODE = EXTERNAL,
              SEEDING_MODE = AUTOMATIC,
              PRIMARY_ROLE (ALLOW_CONNECTIONS = READ_WRITE),
              SECONDARY_ROLE (ALLOW_CONNECTIONS = READ_ONLY))""".formatted(d.names().pod(i), d.endpointUrl(i)));
    }
    out.add("""
        IF NOT EXISTS (SELECT 1 FROM sys.availability_groups WHERE name = N'%1$s')
            CREATE AVAILABILITY GROUP %2$s
                WITH (
                    CLUSTER_TYPE = EXTERNAL,
                    DB_FAILOVER = ON,
                    REQUIRED_SYNCHRONIZED_SECONDARIES_TO_COMMIT = %3$d,
                    WRITE_LEASE_VALIDITY = %4$d%5$s)
                FOR REPLICA ON
        %6$s;
        """.formatted(d.group(), quoted(d.group()), d.requiredSynchronizedSecondaries(), d.writeLeaseValiditySeconds(),
        d.contained() ? ",\n            CONTAINED" : "", String.join(",\n", replicas).indent(8).stripTrailing()));
    out.add(grantCreateAnyDatabase(d, "PRIMARY"));
    for (String db : d.databases()) {
      out.add("""
          IF DB_ID(N'%1$s') IS NULL
              CREATE DATABASE %2$s;
          """.formatted(db, quoted(db)));
      out.add("""
          IF EXISTS (SELECT 1 FROM sys.databases WHERE name = N'%1$s' AND recovery_model_desc <> N'FULL')
              ALTER DATABASE %2$s SET RECOVERY FULL;
          """.formatted(db, quoted(db)));
      out.add("""
          IF NOT EXISTS (SELECT 1 FROM msdb.dbo.backupset WHERE database_name = N'%1$s' AND type = 'D')
              BACKUP DATABASE %2$s TO DISK = N'/dev/null';
          """.formatted(db, quoted(db)));
      out.add("""
          IF NOT EXISTS (SELECT 1 FROM sys.availability_databases_cluster c
                         JOIN sys.availability_groups g ON g.group_id = c.group_id
                         WHERE g.name = N'%1$s' AND c.database_name = N'%3$s')
              ALTER AVAILABILITY GROUP %2$s ADD DATABASE %4$s;
          """.formatted(d.group(), quoted(d.group()), db, quoted(db)));
    }
    return join(out);
  }

  /** Run on every other replica after the group exists: join it, and let automatic seeding create its databases. */
  public static String joinGroup(SqlServerDeployment d) {
    List<String> out = new ArrayList<>();
    out.add(header("on each secondary: join availability group " + d.group()));
    out.add("""
        IF NOT EXISTS (SELECT 1 FROM sys.availability_groups WHERE name = N'%1$s')
            ALTER AVAILABILITY GROUP %2$s JOIN WITH (CLUSTER_TYPE = EXTERNAL);
        """.formatted(d.group(), quoted(d.group())));
    out.add(grantCreateAnyDatabase(d, "SECONDARY"));
    return join(out);
  }

  /** Automatic seeding creates the databases on a replica only with this grant, asked while it has {@code role}. */
  private static String grantCreateAnyDatabase(SqlServerDeployment d, String role) {
    return """
        IF EXISTS (SELECT 1 FROM sys.dm_hadr_availability_replica_states s
                   JOIN sys.availability_groups g ON g.group_id = s.group_id
                   WHERE g.name = N'%1$s' AND s.is_local = 1 AND s.role_desc = N'%3$s')
            ALTER AVAILABILITY GROUP %2$s GRANT CREATE ANY DATABASE;
        """.formatted(d.group(), quoted(d.group()), role);
  }

  /** The replica's endpoint certificate in master, and the login and user its peers map it to. */
  static String certificate(String pod) {
    return pod + "_endpoint";
  }

  private static String cerFile(String pod) {
    return GroupObjects.ENDPOINT_CERTIFICATES_DIR + "/" + pod + ".cer";
  }

  /** A bracketed identifier; the names are validated, the doubling keeps that true for any name. */
  static String quoted(String identifier) {
    return "[" + identifier.replace("]", "]]") + "]";
  }

  private static String header(String what) {
    return """
        -- Rendered by Kubeyard (ADR 41): %s.
        -- Idempotent: every statement is guarded. Run with sqlcmd -b -v MASTER_KEY_PASSWORD=... ENDPOINT_LOGIN_PASSWORD=...
        SET XACT_ABORT ON;
        USE master;
        """.formatted(what);
  }

  private static String join(List<String> batches) {
    return String.join("GO\n", batches) + "GO\n";
  }
}

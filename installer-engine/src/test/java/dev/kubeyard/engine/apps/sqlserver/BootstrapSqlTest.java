package dev.kubeyard.engine.apps.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bootstrap's T-SQL: idempotent statement by statement, and saying what the issue asks of the group. */
class BootstrapSqlTest {
  private static final SqlServerDeployment D2022 = SqlServerManifestsGoldenTest.deployment("1.35");
  private static final SqlServerDeployment D2019 = D2022.withSqlVersion("2019");

  /** The batches after the header (SET XACT_ABORT ON; USE master;). */
  private static List<String> statements(String script) {
    return Arrays.stream(script.split("(?m)^GO\\n")).skip(1).toList();
  }

  private static List<String> allScripts(SqlServerDeployment d) {
    return List.of(BootstrapSql.replica(d, 0), BootstrapSql.replica(d, 1), BootstrapSql.replica(d, 2),
        BootstrapSql.createGroup(d), BootstrapSql.joinGroup(d));
  }

  @Test
  void everyStatementIsGuardedByACatalogOrStateCheck() {
    for (SqlServerDeployment d : List.of(D2019, D2022)) {
      assertThat(allScripts(d)).allSatisfy(script -> {
        assertThat(script).startsWith("-- Rendered by Kubeyard").endsWith("GO\n");
        assertThat(statements(script)).isNotEmpty().allSatisfy(s -> assertThat(s).matches("(?s)IF (NOT )?EXISTS .*|IF DB_ID.*"));
      });
    }
  }

  @Test
  void theGroupIsExternalWithDatabaseHealthTheLeaseAndRsstcEveryReplicaSynchronousAndSeededAutomatically() {
    String create = BootstrapSql.createGroup(D2019);
    assertThat(create).contains("CLUSTER_TYPE = EXTERNAL", "DB_FAILOVER = ON",
        "REQUIRED_SYNCHRONIZED_SECONDARIES_TO_COMMIT = 1", "WRITE_LEASE_VALIDITY = 20", "ALTER AVAILABILITY GROUP [ag1] ADD DATABASE [gateway]",
        "ALTER AVAILABILITY GROUP [ag1] GRANT CREATE ANY DATABASE").doesNotContain("CONTAINED");
    for (String mode : List.of("AVAILABILITY_MODE = SYNCHRONOUS_COMMIT", "FAILOVER_MODE = EXTERNAL",
        "SEEDING_MODE = AUTOMATIC")) {
      assertThat(create.split(mode, -1)).as(mode).hasSize(4);
    }
    assertThat(create).contains("N'ag1-2' WITH (\n            ENDPOINT_URL = N'TCP://ag1-2.mssql.svc.cluster.local:5022'");
    assertThat(BootstrapSql.createGroup(D2022)).contains("WRITE_LEASE_VALIDITY = 20,\n            CONTAINED)");
  }

  @Test
  void secondariesJoinAsExternalAndLetSeedingCreateTheirDatabases() {
    assertThat(BootstrapSql.joinGroup(D2022)).contains("ALTER AVAILABILITY GROUP [ag1] JOIN WITH (CLUSTER_TYPE = EXTERNAL);",
        "s.role_desc = N'SECONDARY'", "GRANT CREATE ANY DATABASE");
  }

  @Test
  void eachReplicaAuthenticatesItsEndpointWithItsOwnCertificateAndAdmitsEachPeerByThePeersCertificate() {
    String replica1 = BootstrapSql.replica(D2022, 1);
    assertThat(replica1).contains("CREATE CERTIFICATE [ag1-1_endpoint]\n        FROM FILE = N'/etc/kubeyard/mssql/endpoints/ag1-1.cer'\n"
            + "        WITH PRIVATE KEY (FILE = N'/etc/kubeyard/mssql/endpoint-key/endpoint.pvk');",
        "AUTHENTICATION = CERTIFICATE [ag1-1_endpoint]", "ENCRYPTION = REQUIRED ALGORITHM AES", "LISTENER_PORT = 5022",
        "CREATE CERTIFICATE [ag1-0_endpoint] AUTHORIZATION [ag1-0_endpoint] FROM FILE = N'/etc/kubeyard/mssql/endpoints/ag1-0.cer';",
        "GRANT CONNECT ON ENDPOINT::[Hadr_endpoint] TO [ag1-2_endpoint];")
        .doesNotContain("TO [ag1-1_endpoint]", "LOGIN [ag1-1_endpoint]");
  }

  @Test
  void noPasswordIsInARenderedScriptOnlySqlcmdVariables() {
    assertThat(String.join("", allScripts(D2022))).contains("PASSWORD = N'$(MASTER_KEY_PASSWORD)'",
        "PASSWORD = N'$(ENDPOINT_LOGIN_PASSWORD)'").doesNotContainPattern("PASSWORD = N'(?!\\$\\()");
  }

  @Test
  void identifiersAreBracketedWithClosingBracketsDoubled() {
    assertThat(BootstrapSql.quoted("a]b")).isEqualTo("[a]]b]");
  }
}

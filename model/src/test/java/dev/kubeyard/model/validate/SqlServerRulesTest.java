package dev.kubeyard.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.model.spec.SqlServerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** apps.sqlserver: the defaults a valid section gets, and the problems that must never leak a password. */
class SqlServerRulesTest {
  private static final Path VALID = Path.of("src/test/resources/fixtures/valid-sqlserver.yaml");

  private static Validator.Result with(String replace, String by) throws Exception {
    return Validator.loadText(Files.readString(VALID).replace(replace, by));
  }

  @Test
  void aValidSectionGetsThreeReplicasLeaseTwentySecondsRsstcOneAndSecretsInItsNamespace() {
    SqlServerSpec sql = Validator.load(VALID).spec().apps().sqlserver();
    assertThat(sql.replicas()).isEqualTo(3);
    assertThat(sql.availabilityGroup()).isEqualTo("ag1");
    assertThat(sql.writeLeaseValiditySeconds()).isEqualTo(20);
    assertThat(sql.requiredSynchronizedSecondariesToCommit()).isEqualTo(1);
    assertThat(sql.saPasswordFrom()).isEqualTo("secret:mssql/sa-password");
    assertThat(sql.masterKeyPasswordFrom()).isEqualTo("secret:mssql/master-key-password");
    assertThat(sql.databases()).containsExactly("gateway", "orders");
  }

  @Test
  void fiveReplicasDefaultToTwoRequiredSecondariesAsMicrosoftsAgentSetsIt() throws Exception {
    Validator.Result r = with("acceptEula: true", "acceptEula: true\n    replicas: 5");
    assertThat(r.problems()).isEmpty();
    assertThat(r.spec().apps().sqlserver().requiredSynchronizedSecondariesToCommit()).isEqualTo(2);
  }

  @Test
  void fiveReplicasRefuseOneRequiredSecondaryBecauseAFailoverCouldLoseAnAcknowledgedCommit() throws Exception {
    Validator.Result r = with("acceptEula: true",
        "acceptEula: true\n    replicas: 5\n    requiredSynchronizedSecondariesToCommit: 1");
    assertThat(r.problems()).extracting(Problem::path)
        .containsExactly("apps.sqlserver.requiredSynchronizedSecondariesToCommit");
    assertThat(r.problems().get(0).toString(Locale.ROOT)).contains("must be 2 to 4").contains("use 2");
  }

  @Test
  void threeReplicasAcceptTwoRequiredSecondariesAndRefuseZero() throws Exception {
    assertThat(with("acceptEula: true", "acceptEula: true\n    requiredSynchronizedSecondariesToCommit: 2")
        .problems()).isEmpty();
    assertThat(with("acceptEula: true", "acceptEula: true\n    requiredSynchronizedSecondariesToCommit: 0")
        .problems()).extracting(Problem::path).containsExactly("apps.sqlserver.requiredSynchronizedSecondariesToCommit");
  }

  @Test
  void aPasswordTypedIntoTheSpecIsNeverRepeatedInAnyLanguage() throws Exception {
    Validator.Result r = with("acceptEula: true", "acceptEula: true\n    masterKeyPasswordFrom: \"S3cret!pw\"");
    assertThat(r.problems()).extracting(Problem::path).containsExactly("apps.sqlserver.masterKeyPasswordFrom");
    Problem p = r.problems().get(0);
    assertThat(p.value()).isNull();
    for (Locale l : List.of(Locale.ROOT, Locale.SIMPLIFIED_CHINESE)) {
      assertThat(p.toString(l)).doesNotContain("S3cret").contains("secret:mssql/master-key-password");
    }
  }

  @Test
  void aDisabledSectionIsNotChecked() throws Exception {
    Validator.Result r = with("acceptEula: true", "acceptEula: false\n    enabled: false");
    assertThat(r.problems()).isEmpty();
  }
}

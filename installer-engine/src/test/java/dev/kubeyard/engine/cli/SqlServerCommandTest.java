package dev.kubeyard.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.ClusterPki;
import dev.kubeyard.engine.testing.Specs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command's refusals before it contacts a cluster (the kubeconfig named here does not exist, so any
 * contact would fail differently); deploying onto a real apiserver is GroupDeployerTest's.
 */
class SqlServerCommandTest {
  private static final String REPLICAS =
      "    replicas: 3                   # one primary, two synchronous secondaries\n";
  @TempDir Path tmp;

  private Path spec(UnaryOperator<String> edit) throws Exception {
    String yaml = Specs.exampleYaml();
    assertThat(yaml).contains(REPLICAS);
    return Files.writeString(tmp.resolve("cluster.yaml"), edit.apply(yaml));
  }

  private String run(String... args) {
    PrintStream was = System.err;
    PrintStream wasOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      assertThat(Main.run(args)).isEqualTo(1);
    } finally {
      System.setErr(was);
      System.setOut(wasOut);
    }
    return err.toString(StandardCharsets.UTF_8);
  }

  private String kubeconfig() {
    return tmp.resolve("no-such.kubeconfig").toString();
  }

  @Test
  void aSpecWithoutAnEnabledSqlServerIsRefusedNamingTheSectionToAdd() throws Exception {
    Path spec = spec(y -> y.replace("  sqlserver:\n", "  sqlserver:\n    enabled: false\n"));

    assertThat(run("sqlserver", "status", "-f", spec.toString(), "--kubeconfig", kubeconfig()))
        .contains("has no enabled apps.sqlserver", "fix: add apps.sqlserver with its edition, image and acceptEula");
  }

  @Test
  void anInvalidGroupIsRefusedWithTheFieldTheValueAndTheFixAndNothingIsSent() throws Exception {
    Path spec = spec(y -> y.replace(REPLICAS, "    replicas: 2\n"));

    String err = run("sqlserver", "deploy", "-f", spec.toString(), "--kubeconfig", kubeconfig());

    assertThat(err).contains("apps.sqlserver.replicas", "'2'", "is invalid; nothing was sent to the cluster",
        "kubeyard validate -f " + spec);
    assertThat(err).doesNotContain("no-such.kubeconfig");
  }

  @Test
  void deployWithoutThePlansPkiSaysToPlanOrApplyFirst() throws Exception {
    Path spec = spec(UnaryOperator.identity());

    assertThat(run("sqlserver", "deploy", "-f", spec.toString(), "--kubeconfig", kubeconfig()))
        .contains("no PKI in " + tmp.resolve("kubeyard-plan").resolve("pki"), "run `kubeyard plan -f");
  }

  @Test
  void deployWithAPkiIssuedForAGroupOfThreeRefusesAGroupOfFiveNamingEachMissingCertificate() throws Exception {
    Path plan = tmp.resolve("plan");
    ClusterPki.ensure(ClusterFacts.of(Specs.example(UnaryOperator.identity())), plan.resolve("pki"),
        Clock.systemUTC());
    Path spec = spec(y -> y.replace(REPLICAS, "    replicas: 5\n"));

    String err = run("sqlserver", "deploy", "-f", spec.toString(), "--kubeconfig", kubeconfig(), "--plan-dir",
        plan.toString());

    assertThat(err).contains("does not serve availability group ag1 (5 replicas); nothing was sent to the cluster",
        "mssql-ag1-3-endpoint: missing (certificate and key)", "mssql-ag1-4-endpoint: missing (certificate and key)",
        "mssql-ag1-tls: does not name ag1-3", "(issued for an earlier spec)", "fix: run `kubeyard plan -f " + spec);
    assertThat(err).doesNotContain("mssql-ag1-0-endpoint", "no-such.kubeconfig");
  }
}

package dev.kubeyard.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.testing.Specs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's refusals before it contacts a cluster; deploying onto a real apiserver is DataTierDeployerTest's. */
class GitlabCommandTest {
  @TempDir Path tmp;

  private static String run(String... args) {
    PrintStream was = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(Main.run(args)).isEqualTo(1);
    } finally {
      System.setErr(was);
    }
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aSpecWhoseGitlabUsesAnExternalPostgresqlIsRefusedNamingTheFix() throws Exception {
    String yaml = Specs.exampleYaml().replace("  gitlab:\n", "  gitlab:\n    postgresHost: pg.example.com\n");
    Path spec = Files.writeString(tmp.resolve("cluster.yaml"), yaml);

    assertThat(run("gitlab", "status", "-f", spec.toString(), "--kubeconfig", tmp.resolve("none").toString()))
        .contains("runs no GitLab data tier of Kubeyard's", "fix: add an enabled apps.gitlab section without postgresHost");
  }

  @Test
  void deployWithoutThePlansPkiSaysToApplyFirst() throws Exception {
    Path spec = Files.writeString(tmp.resolve("cluster.yaml"), Specs.exampleYaml());

    assertThat(run("gitlab", "deploy", "-f", spec.toString(), "--kubeconfig", tmp.resolve("none").toString()))
        .contains("no PKI in " + tmp.resolve("kubeyard-plan").resolve("pki"), "run `kubeyard apply -f");
  }
}

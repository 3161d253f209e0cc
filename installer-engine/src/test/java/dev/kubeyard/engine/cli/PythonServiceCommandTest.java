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

/** The command's refusals; deploying onto a real apiserver is GatewayDeployerTest's. */
class PythonServiceCommandTest {
  @TempDir Path tmp;

  @Test
  void aSpecWithoutThePythonServiceIsRefusedBeforeTheClusterIsContacted() throws Exception {
    String yaml = Specs.exampleYaml();
    Path spec = Files.writeString(tmp.resolve("cluster.yaml"),
        yaml.substring(0, yaml.indexOf("  pythonService:")));
    Path kubeconfig = tmp.resolve("no-such.kubeconfig");

    PrintStream was = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = Main.run("python-service", "deploy", "-f", spec.toString(), "--kubeconfig", kubeconfig.toString());
    } finally {
      System.setErr(was);
    }

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no enabled apps.pythonService",
        "fix: add apps.pythonService");
  }
}

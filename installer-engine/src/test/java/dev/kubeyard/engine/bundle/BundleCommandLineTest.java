package dev.kubeyard.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundle subcommands as a user meets them: help, and the answer for a folder that is no bundle. */
class BundleCommandLineTest {

  @TempDir
  Path tmp;

  private static String[] run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int exit = Main.run(args);
      return new String[] {String.valueOf(exit), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"build", "fetch", "verify", "list", "import"})
  void explainsEverySubcommandWithHelp(String subcommand) {
    String[] r = run("bundle", subcommand, "--help");

    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).startsWith("Usage: kubeyard bundle " + subcommand);
  }

  @Test
  void buildOffersBothLinesAndRefusesAnyOtherNamingThem() {
    assertThat(run("bundle", "build", "--help")[1]).contains("--line", "current", "1.14", "bundle/latest-1.14");

    String[] r = run("bundle", "build", "--line", "1.15");

    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("--line", "unknown Kubernetes line '1.15'; use current or 1.14");
  }

  @Test
  void verifyNamesTheMissingManifestAndExitsWithOne() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));

    String[] r = run("bundle", "verify", empty.toString());

    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("has 1 problem:", "manifest.json is missing", "kubeyard bundle build");
  }

  @Test
  void listNamesTheMissingManifestAndExitsWithOne() throws Exception {
    String[] r = run("bundle", "list", Files.createDirectories(tmp.resolve("empty")).toString());

    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("manifest.json is missing");
  }

  @Test
  void fetchRefusesSomethingThatIsNoVersion() {
    String[] r = run("bundle", "fetch", "--version", "latest", "--from", "http://127.0.0.1:9", "-o",
        tmp.resolve("b").toString());

    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("'latest' is not a Kubernetes version; use for example 1.14.10");
  }
}

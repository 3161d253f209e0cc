package dev.kubeyard.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI entry ({@link Main#main}) in its own JVM, under the locales and console encodings it meets:
 * what it prints decodes cleanly in the console's charset (no U+FFFD) and says what it means.
 */
class ConsoleEncodingEndToEndTest {
  // metadata.name is no DNS label, so `validate` echoes it in its problem on stderr
  private static final String NAME = "生产集群→测试✓";

  @TempDir
  static Path dir;
  private static Path spec;

  @BeforeAll
  static void writeSpec() throws IOException {
    spec = Files.writeString(dir.resolve("cluster.yaml"), """
        apiVersion: kubeyard.dev/v1alpha1
        kind: Cluster
        metadata: {name: "%s"}
        kubernetes: {version: 1.35.0}
        hosts:
          - {name: master1, address: 10.200.0.11, roles: [etcd, master, node]}
        """.formatted(NAME), StandardCharsets.UTF_8);
  }

  private record Run(int exit, byte[] out, byte[] err) {}

  /** Runs {@code kubeyard validate -f cluster.yaml} with {@code locale} (LC_ALL and LANG) and JVM options. */
  private static Run validate(String locale, String... jvmOptions) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path")));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of(Main.class.getName(), "validate", "-f", spec.toString()));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("JAVA_TOOL_OPTIONS")
        || k.equals("JDK_JAVA_OPTIONS"));
    env.put("LC_ALL", locale);
    env.put("LANG", locale);
    Path out = dir.resolve("out"), err = dir.resolve("err");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the CLI finished").isTrue();
    return new Run(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
  }

  /** {@code bytes} decoded strictly: a byte that is not {@code charset} fails the test. */
  private static String decoded(byte[] bytes, Charset charset) throws CharacterCodingException {
    String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    assertThat(text).doesNotContain("\uFFFD");
    return text;
  }

  @Test
  void underThePosixLocaleTheCliPrintsAsciiStandInsNotQuestionMarksOrMojibake() throws Exception {
    Run run = validate("C");

    assertThat(run.exit()).isEqualTo(1);
    String err = decoded(run.err(), StandardCharsets.US_ASCII);
    assertThat(err).contains("(found '<U+751F><U+4EA7><U+96C6><U+7FA4>-><U+6D4B><U+8BD5>OK')")
        .doesNotContain("?");
    decoded(run.out(), StandardCharsets.US_ASCII);
  }

  @Test
  void underAUtf8LocaleTheCliPrintsTheTextAsItIs() throws Exception {
    Run run = validate("C.UTF-8");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(decoded(run.err(), StandardCharsets.UTF_8)).contains("(found '" + NAME + "')");
  }

  @Test
  void whenStdoutEncodingSaysGbkChineseStaysChineseAndTheArrowIsKept() throws Exception {
    Run run = validate("C", "-Dstdout.encoding=GBK", "-Dstderr.encoding=GBK");

    assertThat(decoded(run.err(), Charset.forName("GBK"))).contains("(found '生产集群→测试OK')");
  }

  @Test
  void onAChineseWindowsConsoleSunStdoutEncodingGbkIsHonouredTheSameWay() throws Exception {
    Run run = validate("C", "-Dsun.stdout.encoding=cp936", "-Dsun.stderr.encoding=cp936");

    assertThat(decoded(run.err(), Charset.forName("GBK"))).contains("(found '生产集群→测试OK')");
  }

  @Test
  void aFileEncodingThatDisagreesWithTheLocaleDoesNotDecideWhatTheConsoleGets() throws Exception {
    // what CI saw: UTF-8 bytes (file.encoding) in a POSIX-locale log, read as three U+FFFD per arrow
    Run run = validate("C", "-Dfile.encoding=UTF-8");

    assertThat(decoded(run.err(), StandardCharsets.US_ASCII)).contains("->");
  }
}

package dev.kubeyard.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEventText;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the CLI prints reaches a UTF-8, a POSIX (US-ASCII) and a Chinese Windows (GBK) console readable. */
class ConsoleOutputTest {
  private static final Charset GBK = Charset.forName("GBK");
  // the line `kubeyard es update` prints and `es status` shows for the stored update
  private static final String ES_LINE = UpdateEventText.of(new UpdateEvent.UpdateStarted(Instant.EPOCH, "u1",
      "upgrade", "8.18.1", "9.0.0", List.of("es-0", "es-1")));
  private static final String CHINESE = "集群 生产，主节点就绪。";

  /** The bytes a console of {@code console} receives for {@code text}, through the stream Main installs. */
  private static byte[] printed(Charset console, String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = ConsoleOutput.stream(bytes, FallbackCharset.of(console));
    out.println(text);
    out.flush();
    return bytes.toByteArray();
  }

  private static String seen(Charset console, String text) {
    return new String(printed(console, text), console);
  }

  @Test
  void theSameOutputThroughAUtf8ConsoleKeepsTheArrow() {
    assertThat(ES_LINE).contains("8.18.1 → 9.0.0");
    assertThat(seen(StandardCharsets.UTF_8, ES_LINE)).isEqualTo(ES_LINE + System.lineSeparator());
  }

  @Test
  void throughUsAsciiThePosixLocaleTheArrowIsPrintedAsAnAsciiArrow() {
    byte[] bytes = printed(StandardCharsets.US_ASCII, ES_LINE);

    assertThat(new String(bytes, StandardCharsets.US_ASCII)).contains("8.18.1 -> 9.0.0").doesNotContain("?");
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as("every byte is ASCII").matches("\\p{ASCII}*");
  }

  @Test
  void throughGbkChineseTextStaysChineseAndTheArrowIsKeptBecauseGbkHasIt() {
    assertThat(GBK.newEncoder().canEncode("→")).isTrue();
    assertThat(GBK.newEncoder().canEncode("✓")).isFalse();

    assertThat(seen(GBK, CHINESE + " " + ES_LINE)).startsWith(CHINESE + " ").contains("8.18.1 → 9.0.0");
    assertThat(seen(GBK, "✓ 就绪")).startsWith("OK 就绪");
  }

  @Test
  void eachStandInIsReadableAsciiNeverAQuestionMark() {
    Map<String, String> expected = Map.of("→", "->", "✓", "OK", "…", "...", "—", "--", "“a”", "\"a\"",
        "é", "e", "ＡＢ", "AB", "≥", ">=");
    expected.forEach((text, ascii) -> assertThat(seen(StandardCharsets.US_ASCII, text)).as(text)
        .isEqualTo(ascii + System.lineSeparator()));
  }

  @Test
  void aCharacterWithNoLookAlikeIsPrintedAsItsCodePointSoNothingIsLost() {
    assertThat(seen(StandardCharsets.US_ASCII, "集群 😀")).isEqualTo("<U+96C6><U+7FA4> <U+1F600>"
        + System.lineSeparator());
    assertThat(seen(GBK, "😀")).isEqualTo("<U+1F600>" + System.lineSeparator());
  }

  @Test
  void printfAndPicocliWritersGoThroughTheSameStandIns() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = ConsoleOutput.stream(bytes, FallbackCharset.of(StandardCharsets.US_ASCII));
    out.printf("%s → %s%n", "a", "b");
    out.print('✓');
    PrintWriter writer = ConsoleOutput.writer(out, FallbackCharset.of(StandardCharsets.US_ASCII));
    writer.println(" … picocli");
    writer.flush();

    assertThat(bytes.toString(StandardCharsets.US_ASCII))
        .isEqualTo("a -> b" + System.lineSeparator() + "OK ... picocli" + System.lineSeparator());
  }

  @Test
  void aLongOutputThatOverflowsTheWritersBufferLosesNoCharacter() {
    String line = "集群→✓".repeat(5000);
    assertThat(seen(StandardCharsets.US_ASCII, line))
        .isEqualTo("<U+96C6><U+7FA4>->OK".repeat(5000) + System.lineSeparator());
    assertThat(seen(GBK, line)).isEqualTo("集群→OK".repeat(5000) + System.lineSeparator());
  }

  @Test
  void theConsoleCharsetComesFromStdoutEncodingThenTheWindowsConsoleThenTheLocale() {
    Map<String, String> linux = Map.of("native.encoding", "ANSI_X3.4-1968");
    assertThat(ConsoleOutput.charset(linux::get, "stdout")).isEqualTo(StandardCharsets.US_ASCII);

    Map<String, String> chineseWindows = Map.of("sun.stdout.encoding", "cp936", "native.encoding", "GBK");
    assertThat(ConsoleOutput.charset(chineseWindows::get, "stdout")).isEqualTo(GBK);

    Map<String, String> utf8Windows = Map.of("sun.stdout.encoding", "cp65001", "native.encoding", "Cp1252");
    assertThat(ConsoleOutput.charset(utf8Windows::get, "stdout")).isEqualTo(StandardCharsets.UTF_8);

    Map<String, String> chosen = Map.of("stdout.encoding", "GBK", "sun.stdout.encoding", "cp437",
        "native.encoding", "ANSI_X3.4-1968");
    assertThat(ConsoleOutput.charset(chosen::get, "stdout")).isEqualTo(GBK);
    assertThat(ConsoleOutput.charset(chosen::get, "stderr")).isEqualTo(StandardCharsets.US_ASCII);

    Map<String, String> typo = Map.of("stdout.encoding", "no-such-charset", "native.encoding", "UTF-8");
    assertThat(ConsoleOutput.charset(typo::get, "stdout")).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void theCodesetTheLocaleVariablesNameWinsOverAJvmThatFellBackToC() {
    Map<String, String> jvm = Map.of("native.encoding", "ANSI_X3.4-1968");
    assertThat(ConsoleOutput.charset(jvm::get, Map.of("LANG", "zh_CN.UTF-8")::get, "stdout")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(ConsoleOutput.charset(jvm::get, Map.of("LC_ALL", "zh_CN.GBK", "LANG", "en_US.UTF-8")::get, "stdout"))
        .isEqualTo(GBK);
    assertThat(ConsoleOutput.charset(jvm::get, Map.of("LANG", "de_DE.UTF-8@euro")::get, "stdout")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(ConsoleOutput.charset(jvm::get, Map.of("LC_ALL", "C", "LANG", "zh_CN.UTF-8")::get, "stdout"))
        .isEqualTo(StandardCharsets.US_ASCII);
    assertThat(ConsoleOutput.charset(jvm::get, Map.of("LANG", "zh_CN.NOT-A-CHARSET")::get, "stdout"))
        .isEqualTo(StandardCharsets.US_ASCII);
  }
}

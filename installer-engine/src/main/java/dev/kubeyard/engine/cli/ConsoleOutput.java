package dev.kubeyard.engine.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine;

/**
 * The CLI's stdout and stderr in the console's own charset, with a readable stand-in for what it cannot
 * show ({@link FallbackCharset}), so a POSIX-locale CI log reads {@code ->} and a Chinese Windows console
 * (GBK) reads Chinese, never {@code ?} or mojibake.
 *
 * <p>Java 17 encodes System.out with {@code file.encoding}, which a launcher, JAVA_TOOL_OPTIONS or a
 * build tool may set to something the console is not. So the console's charset is the first of these
 * properties that names a charset Java knows:
 * <ol>
 *   <li>{@code stdout.encoding} / {@code stderr.encoding}: set by JDK 19 and later; on 17 honoured here
 *       so a user or test can say what their console or log reader expects;
 *   <li>{@code sun.stdout.encoding} / {@code sun.stderr.encoding}: set by the JDK on a Windows console
 *       to its code page ({@code cp936} on a Chinese one; {@code cp65001} is read as UTF-8);
 *   <li>the codeset the locale variables name (LC_ALL, else LC_CTYPE, else LANG: {@code zh_CN.UTF-8}
 *       names UTF-8): the console is set up for it even where that locale is not installed on this
 *       machine, in which case the JVM's own locale falls back to C and would print Chinese as escapes;
 *   <li>{@code native.encoding} (JDK 17+): the locale's codeset whatever {@code file.encoding} says. On
 *       Unix the JVM takes it from {@code nl_langinfo(CODESET)} after {@code setlocale(LC_ALL, "")}, i.e.
 *       LC_ALL, else LC_CTYPE, else LANG: {@code C}/{@code POSIX} give US-ASCII, {@code C.UTF-8} UTF-8.
 *       On Windows it is the ANSI code page (output redirected away from a console);
 *   <li>{@link Charset#defaultCharset()}.
 * </ol>
 */
record ConsoleOutput(Charset out, Charset err) {

  /** The consoles of this JVM's stdout and stderr, each with stand-ins. */
  static ConsoleOutput detect(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    return new ConsoleOutput(FallbackCharset.of(charset(properties, environment, "stdout")),
        FallbackCharset.of(charset(properties, environment, "stderr")));
  }

  /** The charset the console of {@code stream} ("stdout" or "stderr") shows, from the properties above. */
  static Charset charset(UnaryOperator<String> properties, String stream) {
    return charset(properties, name -> null, stream);
  }

  static Charset charset(UnaryOperator<String> properties, UnaryOperator<String> environment, String stream) {
    for (String key : List.of(stream + ".encoding", "sun." + stream + ".encoding")) {
      Optional<Charset> named = named(properties.apply(key));
      if (named.isPresent()) {
        return named.get();
      }
    }
    return named(localeCodeset(environment)).or(() -> named(properties.apply("native.encoding")))
        .orElseGet(Charset::defaultCharset);
  }

  /** The codeset after the dot of the first locale variable set (zh_CN.UTF-8 → UTF-8), or null. */
  static String localeCodeset(UnaryOperator<String> environment) {
    for (String variable : List.of("LC_ALL", "LC_CTYPE", "LANG")) {
      String value = environment.apply(variable);
      if (value != null && !value.isBlank()) {
        int dot = value.indexOf('.');
        int at = value.indexOf('@');
        return dot < 0 ? null : value.substring(dot + 1, at > dot ? at : value.length());
      }
    }
    return null;
  }

  private static Optional<Charset> named(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    if (name.equalsIgnoreCase("cp65001")) { // Windows' UTF-8 code page, a name Java 17 does not know
      return Optional.of(StandardCharsets.UTF_8);
    }
    try {
      return Optional.of(Charset.forName(name.strip()));
    } catch (IllegalArgumentException unknownOrIllegal) {
      return Optional.empty(); // a typo in -Dstdout.encoding must not stop the CLI: try the next source
    }
  }

  /** Points System.out and System.err at these charsets; bytes still go to the same file descriptors. */
  void install() {
    System.setOut(stream(System.out, out));
    System.setErr(stream(System.err, err));
  }

  /** picocli encodes its usage and errors itself, so it is handed writers in the same charsets. */
  CommandLine attach(CommandLine line) {
    return line.setOut(writer(System.out, out)).setErr(writer(System.err, err));
  }

  static PrintStream stream(OutputStream sink, Charset charset) {
    return new PrintStream(sink, true, charset);
  }

  static PrintWriter writer(OutputStream sink, Charset charset) {
    return new PrintWriter(new OutputStreamWriter(sink, charset), true);
  }
}

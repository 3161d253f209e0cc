package dev.kubeyard.engine.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A console's charset that never loses a character: what the console can show is encoded as is, anything
 * else becomes a readable stand-in ({@code →} becomes {@code ->}, {@code ✓} becomes {@code OK}) instead of
 * the JDK's {@code ?}. A charset rather than a PrintStream subclass, so every way text reaches the console
 * (print, printf, picocli's PrintWriter, a stack trace) goes through the same encoder.
 */
final class FallbackCharset extends Charset {
  // what has no compatibility decomposition of its own; ... is here too though NFKD would find it
  private static final Map<String, String> STAND_INS = Map.ofEntries(
      Map.entry("→", "->"), Map.entry("←", "<-"), Map.entry("↔", "<->"), Map.entry("⇒", "=>"),
      Map.entry("✓", "OK"), Map.entry("✔", "OK"), Map.entry("✗", "x"), Map.entry("✘", "x"),
      Map.entry("…", "..."), Map.entry("—", "--"), Map.entry("–", "-"), Map.entry("•", "*"),
      Map.entry("·", "."), Map.entry("‘", "'"), Map.entry("’", "'"), Map.entry("“", "\""),
      Map.entry("”", "\""), Map.entry("≥", ">="), Map.entry("≤", "<="), Map.entry("≠", "!="),
      Map.entry("×", "x"), Map.entry("。", "."), Map.entry("、", ","));
  // bytes a stand-in may take: bounds maxBytesPerChar ("<U+10FFFF>" for a surrogate pair, 3 chars of GB18030)
  private static final int LONGEST = 12;
  // the encoder's replacement: what a lone high surrogate left at the very end of the output becomes
  private static final String UNKNOWN = "<U+FFFD>";

  private final Charset console;

  private FallbackCharset(Charset console) {
    super("x-kubeyard-fallback-" + console.name(), null);
    this.console = console;
  }

  /** {@code console} with stand-ins; {@code console} itself when it is not ASCII-compatible (no stand-in fits). */
  static Charset of(Charset console) {
    boolean asciiCompatible = Arrays.equals(UNKNOWN.getBytes(console), UNKNOWN.getBytes(StandardCharsets.US_ASCII));
    if (console instanceof FallbackCharset || !asciiCompatible) {
      return console;
    }
    return new FallbackCharset(console);
  }

  /** What {@code text} (one code point the console cannot encode) is printed as. */
  static String standIn(String text, CharsetEncoder console) {
    String known = STAND_INS.get(text);
    if (known != null) {
      return known;
    }
    if (Character.getType(text.codePointAt(0)) == Character.NON_SPACING_MARK) {
      return ""; // an accent that came on its own (e + U+0301): dropped, as the accents below are
    }
    // é -> e, ＡＢ -> AB, ™ -> TM: the compatibility form without its accents, when the console has it
    String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    if (!plain.isEmpty() && plain.length() <= 3 && console.canEncode(plain)) {
      return plain;
    }
    // no look-alike: the code point itself, so nothing is lost or silently garbled
    return text.codePoints().mapToObj(cp -> String.format("<U+%04X>", cp)).collect(Collectors.joining());
  }

  @Override
  public boolean contains(Charset cs) {
    return console.contains(cs);
  }

  @Override
  public CharsetDecoder newDecoder() {
    return console.newDecoder();
  }

  @Override
  public CharsetEncoder newEncoder() {
    return new Encoder(this, console);
  }

  private static final class Encoder extends CharsetEncoder {
    private final CharsetEncoder encoder;
    private final CharsetEncoder probe; // canEncode is refused while `encoder` is mid-way

    Encoder(FallbackCharset cs, Charset console) {
      super(cs, console.newEncoder().averageBytesPerChar(), Math.max(console.newEncoder().maxBytesPerChar(),
          LONGEST), UNKNOWN.getBytes(console));
      this.encoder = console.newEncoder();
      this.probe = console.newEncoder();
    }

    @Override
    protected CoderResult encodeLoop(CharBuffer in, ByteBuffer out) {
      while (true) {
        CoderResult r = encoder.encode(in, out, false);
        if (!r.isError()) {
          return r;
        }
        String text = in.subSequence(0, r.length()).toString();
        byte[] standIn = standIn(text, probe).getBytes(console());
        if (out.remaining() < standIn.length) {
          return CoderResult.OVERFLOW;
        }
        in.position(in.position() + r.length());
        out.put(standIn);
      }
    }

    @Override
    protected CoderResult implFlush(ByteBuffer out) {
      CoderResult r = encoder.encode(CharBuffer.allocate(0), out, true);
      return r.isOverflow() ? r : encoder.flush(out);
    }

    @Override
    protected void implReset() {
      encoder.reset();
    }

    private Charset console() {
      return ((FallbackCharset) charset()).console;
    }
  }
}

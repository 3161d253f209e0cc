package dev.kubeyard.engine.transport;

import java.util.Arrays;
import java.util.List;

/** The last lines of a command's output, bounded, for error messages. */
public final class OutputTail {
  static final int LINES = 15;
  static final int CHARS = 2000;

  private OutputTail() {}

  public static String of(String output) {
    if (output == null || output.isBlank()) {
      return "";
    }
    List<String> lines = Arrays.asList(output.strip().split("\r?\n"));
    String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - LINES), lines.size()));
    return tail.length() <= CHARS ? tail : "..." + tail.substring(tail.length() - CHARS);
  }
}

package dev.kubeyard.engine.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Collects a command's output (bounded), hands complete lines to a consumer and finds the pid line. */
final class CommandOutput {
  private static final int KEEP = 2 * 1024 * 1024;
  private final Consumer<String> lines;
  private final byte[] buf = new byte[8192];
  private ByteArrayOutputStream all = new ByteArrayOutputStream();
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private long pid = -1;
  private int pidLineLength;

  CommandOutput(Consumer<String> lines) {
    this.lines = lines;
  }

  /** Reads what is available now; true when something was read. */
  boolean drain(InputStream in) throws IOException {
    boolean any = false;
    while (in.available() > 0) {
      int n = in.read(buf, 0, Math.min(buf.length, in.available()));
      if (n <= 0) {
        break;
      }
      any = true;
      all.write(buf, 0, n);
      for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
          emit();
        } else {
          line.write(buf[i]);
        }
      }
      if (all.size() > 2 * KEEP) {
        byte[] b = all.toByteArray();
        all = new ByteArrayOutputStream();
        all.write(b, b.length - KEEP, KEEP);
      }
    }
    return any;
  }

  private void emit() {
    String l = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (pid < 0 && l.startsWith("kubeyard-pid ")) {
      pid = Long.parseLong(l.substring("kubeyard-pid ".length()).strip());
      pidLineLength = l.length() + 1;
      return;
    }
    lines.accept(l);
  }

  void finish() {
    if (line.size() > 0) {
      emit();
    }
  }

  long pid() {
    return pid;
  }

  String text() {
    return all.toString(StandardCharsets.UTF_8);
  }

  String textAfterPid() {
    String t = text();
    return pidLineLength > 0 && t.length() >= pidLineLength ? t.substring(pidLineLength) : t;
  }

  String tail() {
    return OutputTail.of(text());
  }
}

package dev.kubeyard.engine.transport;

/** Quoting for POSIX shell command lines built by the transport. */
public final class Shell {
  private Shell() {}

  /** Single-quotes {@code s} so the shell passes it through unchanged. */
  public static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** A command shortened for one-line messages. */
  public static String abbreviate(String command) {
    if (command == null) {
      return "";
    }
    String one = command.replace('\n', ' ');
    return one.length() <= 160 ? one : one.substring(0, 157) + "...";
  }
}

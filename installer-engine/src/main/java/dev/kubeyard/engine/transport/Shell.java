package dev.kubeyard.engine.transport;

/** Commands in one-line messages; quoting belongs to the host's {@link dev.kubeyard.engine.shell.HostShell}. */
public final class Shell {
  private Shell() {}

  /** A command shortened for one-line messages. */
  public static String abbreviate(String command) {
    if (command == null) {
      return "";
    }
    String one = command.replace('\n', ' ');
    return one.length() <= 160 ? one : one.substring(0, 157) + "...";
  }
}

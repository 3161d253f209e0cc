package dev.kubeyard.engine.transport;

/**
 * A host could not do what was asked. Carries the evidence: host, command, exit code (or -1 when the
 * command never finished), the tail of its output, and a hint saying what to do.
 */
public class TransportException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String host;
  private final String command;
  private final int exitCode;
  private final String outputTail;
  private final String hint;

  public TransportException(String host, String command, int exitCode, String outputTail, String hint) {
    this(host, command, exitCode, outputTail, hint, null);
  }

  public TransportException(String host, String command, int exitCode, String outputTail, String hint, Throwable cause) {
    super(describe(host, command, exitCode, outputTail), cause);
    this.host = host;
    this.command = command;
    this.exitCode = exitCode;
    this.outputTail = outputTail == null ? "" : outputTail;
    this.hint = hint;
  }

  /** A failure that is not about one command (connecting, host keys). */
  public TransportException(String host, String message, String hint, Throwable cause) {
    super(host + ": " + message, cause);
    this.host = host;
    this.command = null;
    this.exitCode = -1;
    this.outputTail = "";
    this.hint = hint;
  }

  private static String describe(String host, String command, int exitCode, String tail) {
    String what = exitCode >= 0 ? "exited " + exitCode : "did not finish";
    String msg = host + ": '" + Shell.abbreviate(command) + "' " + what;
    return tail == null || tail.isBlank() ? msg : msg + "; output ends with:\n" + tail;
  }

  public String host() {
    return host;
  }

  public String command() {
    return command;
  }

  public int exitCode() {
    return exitCode;
  }

  public String outputTail() {
    return outputTail;
  }

  public String hint() {
    return hint;
  }
}

package dev.kubeyard.engine.transport;

/** What a command left behind on a host: its exit code and its combined stdout and stderr. */
public record CommandResult(String host, String command, int exitCode, String output) {

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** The last lines of the output: the evidence a message shows (the log file keeps all of it). */
  public String outputTail() {
    return OutputTail.of(output);
  }

  /** Throws a {@link TransportException} with the evidence unless the command exited 0. */
  public CommandResult orThrow(String hint) {
    if (!succeeded()) {
      throw new TransportException(host, command, exitCode, outputTail(), hint);
    }
    return this;
  }
}

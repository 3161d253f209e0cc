package dev.kubeyard.engine.transport;

/** The caller was interrupted (a cancel): the command was stopped on the host. */
public final class CommandCancelled extends TransportException {
  private static final long serialVersionUID = 1L;

  public CommandCancelled(String host, String command, String outputTail) {
    super(host, command, -1, outputTail, "the run was cancelled; re-run to finish: done steps are skipped by their checks");
  }
}

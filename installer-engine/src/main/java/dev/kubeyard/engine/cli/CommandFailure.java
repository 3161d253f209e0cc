package dev.kubeyard.engine.cli;

/** A command refused to go on: what is wrong and how to fix it, printed without a stack trace. */
final class CommandFailure extends RuntimeException {
  private final String fix;

  CommandFailure(String message, String fix) {
    super(message);
    this.fix = fix;
  }

  String fix() {
    return fix;
  }
}

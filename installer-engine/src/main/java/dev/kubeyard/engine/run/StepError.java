package dev.kubeyard.engine.run;

/** A step did not succeed on its host: what happened (with the evidence) and what to do. */
final class StepError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String hint;

  StepError(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  String hint() {
    return hint;
  }
}

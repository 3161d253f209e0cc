package dev.kubeyard.engine.lab;

/** Something about the local lab failed; the hint says what to do. */
public final class LabException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String hint;

  public LabException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}

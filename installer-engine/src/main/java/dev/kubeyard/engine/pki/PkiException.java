package dev.kubeyard.engine.pki;

/** The PKI cannot be brought to the spec without a decision from the administrator. */
public final class PkiException extends RuntimeException {
  private final String hint;

  public PkiException(String problem, String hint) {
    super(problem + "; " + hint);
    this.hint = hint;
  }

  /** What the administrator should do about it. */
  public String hint() {
    return hint;
  }
}

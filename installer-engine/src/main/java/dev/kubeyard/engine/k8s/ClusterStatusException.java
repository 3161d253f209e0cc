package dev.kubeyard.engine.k8s;

/** The cluster could not be read: what was asked, what came back, and what to do about it. */
public final class ClusterStatusException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String hint;

  public ClusterStatusException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}

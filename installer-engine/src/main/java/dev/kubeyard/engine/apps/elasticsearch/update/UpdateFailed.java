package dev.kubeyard.engine.apps.elasticsearch.update;

/** A gate did not pass in time or a node did not come back; the update stays resumable. */
public final class UpdateFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String hint;

  public UpdateFailed(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}

package dev.kubeyard.engine.apps.elasticsearch.update;

/** Kubeyard will not perform the update or rollback asked for; {@code hint} says what to do instead. */
public final class UpdateRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String hint;

  public UpdateRefused(String reason, String hint) {
    super(reason);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}

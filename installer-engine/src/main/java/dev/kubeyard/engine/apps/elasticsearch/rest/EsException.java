package dev.kubeyard.engine.apps.elasticsearch.rest;

/** A request to Elasticsearch failed; {@code hint} says what to do about it. */
public class EsException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String hint;

  public EsException(String message, String hint) {
    this(message, hint, null);
  }

  public EsException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}

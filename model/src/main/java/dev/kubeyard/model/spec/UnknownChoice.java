package dev.kubeyard.model.spec;

/**
 * A value that is none of an enum's spellings. Carries the validation message key ({@code yaml.unknown*})
 * and the value, so a reader of cluster.yaml sees the refusal in their language; the message stays the
 * English "&lt;rule&gt;; use &lt;choices&gt;".
 */
public final class UnknownChoice extends IllegalArgumentException {
  private final String key;
  private final String value;

  UnknownChoice(String key, String value, String message) {
    super(message);
    this.key = key;
    this.value = value;
  }

  public String key() {
    return key;
  }

  public String value() {
    return value;
  }
}

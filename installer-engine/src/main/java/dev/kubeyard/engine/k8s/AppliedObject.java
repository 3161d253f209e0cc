package dev.kubeyard.engine.k8s;

/** One rendered object and what deploying it did. */
public record AppliedObject(String kind, String namespace, String name, Outcome outcome, String detail) {

  /** Created, changed in place, or left out with the reason in {@code detail}. */
  public enum Outcome { CREATED, UPDATED, SKIPPED }

  /** {@code created Deployment platform/platform-gateway}, for logs and the desktop's list. */
  public String describe() {
    String where = namespace.isEmpty() ? name : namespace + "/" + name;
    return outcome.name().toLowerCase() + " " + kind + " " + where + (detail.isEmpty() ? "" : ": " + detail);
  }
}

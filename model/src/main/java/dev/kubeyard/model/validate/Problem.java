package dev.kubeyard.model.validate;

/**
 * One thing wrong with a spec: where ({@code path}, e.g. {@code hosts[5].roles}), what was found,
 * which rule it breaks and how to fix it.
 */
public record Problem(String path, String value, String rule, String fix) {

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(path).append(": ").append(rule);
    if (value != null) {
      b.append(" (found '").append(value).append("')");
    }
    if (fix != null) {
      b.append("; fix: ").append(fix);
    }
    return b.toString();
  }
}

package dev.kubeyard.desktop.wizard.draft;

import dev.kubeyard.model.validate.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what the administrator typed into spec values. A number field holding something else becomes
 * a {@link Problem} on that field's path, just like the model's own validation problems.
 */
public final class Conversion {
  private final List<Problem> problems = new ArrayList<>();

  /** A required whole number. */
  public Integer number(String path, String text) {
    String t = text == null ? "" : text.trim();
    if (!t.matches("-?\\d{1,9}")) {
      problems.add(Problem.of(path, t, t.isEmpty() ? "form.numberRequired" : "form.notANumber"));
      return null;
    }
    return Integer.valueOf(t);
  }

  /** A whole number that may be left empty. */
  public Integer optionalNumber(String path, String text) {
    return text == null || text.isBlank() ? null : number(path, text);
  }

  /** Text, trimmed; empty becomes absent. */
  public static String optional(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  /** Text, trimmed; kept even when empty so the validator names the field. */
  public static String required(String text) {
    return text == null ? "" : text.trim();
  }

  public static String show(Object value) {
    return value == null ? "" : value.toString();
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }
}

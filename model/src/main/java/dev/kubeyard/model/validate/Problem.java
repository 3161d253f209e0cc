package dev.kubeyard.model.validate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One thing wrong with a spec: where ({@code path}, e.g. {@code hosts[5].roles}), what was found,
 * which rule it breaks and how to fix it. The rule and the fix are a message {@code key} (its
 * {@code key.rule} and {@code key.fix} in {@link ProblemMessages}) and the {@code args} for its slots,
 * so each reader sees them in their own language; {@link #rule()} and {@link #fix()} are the English.
 */
public record Problem(String path, String value, String key, List<String> args) {

  public Problem {
    args = List.copyOf(args);
  }

  /**
   * A problem whose slots hold {@code args} as text. Converted here, not by MessageFormat, so a port
   * stays "65535" rather than "65,535" and a version is never a formatted number.
   */
  public static Problem of(String path, Object value, String key, Object... args) {
    return new Problem(path, value == null ? null : String.valueOf(value), key,
        Arrays.stream(args).map(String::valueOf).toList());
  }

  public String rule() {
    return rule(Locale.ROOT);
  }

  public String fix() {
    return fix(Locale.ROOT);
  }

  public String rule(Locale locale) {
    return ProblemMessages.text(key + ".rule", locale, args);
  }

  public String fix(Locale locale) {
    return ProblemMessages.text(key + ".fix", locale, args);
  }

  /** One line: path, rule, the value found and the fix, in {@code locale}. */
  public String toString(Locale locale) {
    return value == null
        ? ProblemMessages.text("frame.line", locale, List.of(path, rule(locale), fix(locale)))
        : ProblemMessages.text("frame.lineWithValue", locale, List.of(path, rule(locale), value, fix(locale)));
  }

  /** The English line scripts and the fixtures rely on. */
  @Override
  public String toString() {
    return toString(Locale.ROOT);
  }
}

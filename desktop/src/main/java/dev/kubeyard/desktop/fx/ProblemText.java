package dev.kubeyard.desktop.fx;

import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.model.validate.Problem;

/**
 * A problem in words. The rule and the fix come from the model's validator (in English); the frame
 * around them follows the UI language.
 */
public final class ProblemText {
  private ProblemText() {}

  /** For the field itself: what is wrong and how to fix it. */
  public static String inline(Problem p, I18n i18n) {
    return p.value() == null || p.value().isEmpty()
        ? i18n.get("problem.inline", p.rule(), p.fix())
        : i18n.get("problem.inlineWithValue", p.rule(), p.value(), p.fix());
  }

  /** For the summary list: where, then what. */
  public static String withPath(Problem p, I18n i18n) {
    return i18n.get("problem.withPath", p.path(), inline(p, i18n));
  }
}

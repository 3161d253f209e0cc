package dev.kubeyard.desktop.fx;

import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.model.validate.Problem;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ObservableList;

/**
 * A problem in words, all in the UI language: the frame from the desktop's messages, the rule and the
 * fix from the model's problem bundle (a problem is a key and arguments, not English text).
 */
public final class ProblemText {
  private ProblemText() {}

  /** For the field itself: what is wrong and how to fix it. */
  public static String inline(Problem p, I18n i18n) {
    Locale locale = i18n.language().locale();
    return p.value() == null || p.value().isEmpty()
        ? i18n.get("problem.inline", p.rule(locale), p.fix(locale))
        : i18n.get("problem.inlineWithValue", p.rule(locale), p.value(), p.fix(locale));
  }

  /** For the summary list: where, then what. */
  public static String withPath(Problem p, I18n i18n) {
    return i18n.get("problem.withPath", p.path(), inline(p, i18n));
  }

  /** One line per problem, redrawn when the problems change or the language switches. */
  public static StringBinding lines(ObservableList<Problem> problems, I18n i18n,
      BiFunction<Problem, I18n, String> line) {
    return Bindings.createStringBinding(
        () -> problems.stream().map(p -> line.apply(p, i18n)).collect(Collectors.joining("\n")),
        problems, i18n.languageProperty());
  }
}

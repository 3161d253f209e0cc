package dev.kubeyard.model.validate;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of every validation problem, from {@code problems*.properties} (UTF-8): the base file is
 * English, {@code problems_zh_CN} 简体中文. Every text is a {@link MessageFormat} pattern, so a literal
 * apostrophe is written twice ({@code ''}).
 */
public final class ProblemMessages {
  public static final String BUNDLE = "dev.kubeyard.model.validate.problems";

  private ProblemMessages() {}

  /**
   * The bundle for {@code locale}. No fallback to the JVM's default locale: an English reader on a
   * Chinese machine must get English, so any locale without its own file gets the base file.
   */
  public static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The text of {@code key} in {@code locale}, with {@code args} (already text) in its slots. */
  public static String text(String key, Locale locale, List<String> args) {
    return new MessageFormat(bundle(locale).getString(key), locale).format(args.toArray());
  }
}

package dev.kubeyard.desktop.i18n;

import java.util.Locale;

/** The languages the desktop speaks. The app starts in the OS language when it is one of these. */
public enum Language {
  ENGLISH(Locale.ENGLISH, "English"),
  SIMPLIFIED_CHINESE(Locale.SIMPLIFIED_CHINESE, "简体中文");

  private final Locale locale;
  private final String nativeName;

  Language(Locale locale, String nativeName) {
    this.locale = locale;
    this.nativeName = nativeName;
  }

  public Locale locale() {
    return locale;
  }

  /** The language's own name, shown the same in every UI language. */
  public String nativeName() {
    return nativeName;
  }

  /** Chinese for any zh locale, English otherwise. */
  public static Language of(Locale locale) {
    return "zh".equals(locale.getLanguage()) ? SIMPLIFIED_CHINESE : ENGLISH;
  }

  public static Language ofSystem() {
    return of(Locale.getDefault());
  }
}

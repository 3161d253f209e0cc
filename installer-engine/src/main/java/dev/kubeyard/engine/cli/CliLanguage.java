package dev.kubeyard.engine.cli;

import java.util.Locale;
import java.util.Map;

/**
 * The language the CLI reports validation problems in: 简体中文 for any Chinese locale, English
 * otherwise. Read from the POSIX variables themselves (LC_ALL, then LC_MESSAGES, then LANG, as
 * setlocale does) rather than from the JVM's default locale, which falls back to English when the
 * machine lacks the zh_CN locale files; with none set (Windows), the JVM's locale decides.
 */
final class CliLanguage {
  private CliLanguage() {}

  static Locale current() {
    return of(System.getenv(), Locale.getDefault());
  }

  static Locale of(Map<String, String> env, Locale platform) {
    for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      String value = env.get(name);
      if (value != null && !value.isEmpty()) {
        return fromTag(value);
      }
    }
    return "zh".equals(platform.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
  }

  /** {@code zh_CN.UTF-8}, {@code zh_CN.GBK@x} or {@code zh-CN} is Chinese; {@code C}, {@code POSIX} or {@code en_US} English. */
  static Locale fromTag(String tag) {
    String language = tag.split("[_.@-]", 2)[0];
    return "zh".equalsIgnoreCase(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
  }
}

package dev.kubeyard.desktop.i18n;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * Every visible string, from {@code messages*.properties} (UTF-8). Texts are bindings on the current
 * language, so switching it at runtime relabels every bound control at once.
 */
public final class I18n {
  public static final String BUNDLE = "dev.kubeyard.desktop.i18n.messages";

  private final ObjectProperty<Language> language;

  public I18n(Language initial) {
    this.language = new SimpleObjectProperty<>(this, "language", initial);
  }

  public ObjectProperty<Language> languageProperty() {
    return language;
  }

  public Language language() {
    return language.get();
  }

  public static ResourceBundle bundle(Language language) {
    return ResourceBundle.getBundle(BUNDLE, language.locale(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The text of {@code key} in the current language, with {@code args} in its {0} {1} slots. */
  public String get(String key, Object... args) {
    String pattern = bundle(language.get()).getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, language.get().locale()).format(args);
  }

  /** A text that follows the language. */
  public StringBinding text(String key, Object... args) {
    return Bindings.createStringBinding(() -> get(key, args), language);
  }

  /** A text that follows the language and the observable arguments. */
  public StringBinding format(String key, ObservableValue<?>... args) {
    ObservableValue<?>[] deps = Arrays.copyOf(args, args.length + 1);
    deps[args.length] = language;
    return Bindings.createStringBinding(
        () -> get(key, Arrays.stream(args).map(ObservableValue::getValue).toArray()), deps);
  }
}

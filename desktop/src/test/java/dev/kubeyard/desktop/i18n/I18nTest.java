package dev.kubeyard.desktop.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.binding.StringBinding;
import org.junit.jupiter.api.Test;

class I18nTest {

  private static Set<String> keys(Language language) {
    return new TreeSet<>(I18n.bundle(language).keySet());
  }

  @Test
  void englishAndChineseBundlesHaveExactlyTheSameKeys() {
    assertThat(keys(Language.SIMPLIFIED_CHINESE)).isEqualTo(keys(Language.ENGLISH));
  }

  @Test
  void everyPhaseOfTheEnginesPlanHasAColumnTitleInBothLanguages() {
    for (Language language : Language.values()) {
      for (dev.kubeyard.engine.plan.Phase p : dev.kubeyard.engine.plan.Phase.values()) {
        assertThat(I18n.bundle(language).containsKey("phase." + p.name())).as(language + " phase." + p.name()).isTrue();
      }
    }
  }

  @Test
  void everyChineseTextIsReallyTranslatedUnlessItIsANameOrEmpty() {
    ResourceBundle en = I18n.bundle(Language.ENGLISH);
    ResourceBundle zh = I18n.bundle(Language.SIMPLIFIED_CHINESE);
    Set<String> same = new TreeSet<>();
    for (String key : en.keySet()) {
      if (en.getString(key).equals(zh.getString(key)) && !en.getString(key).isEmpty()) {
        same.add(key);
      }
    }
    // product and tool names stay as they are in both languages
    assertThat(same).containsExactlyInAnyOrder("app.title", "versions.kubernetes.title", "lb.ingressHttpNodePort",
        "lb.ingressHttpsNodePort");
  }

  @Test
  void everyPatternWithArgumentsIsAValidMessageFormatInBothLanguages() {
    for (Language language : Language.values()) {
      ResourceBundle b = I18n.bundle(language);
      for (String key : b.keySet()) {
        if (b.getString(key).contains("{0")) {
          assertThat(new MessageFormat(b.getString(key), language.locale()).format(new Object[] {1, 2, 3, 4}))
              .as(language + " " + key).doesNotContain("{0");
        }
      }
    }
  }

  @Test
  void everyLanguageOfTheDesktopHasItsOwnProblemTexts() {
    // the rule and fix of a validation problem come from the model's bundle, not this one; English is its
    // base file, every other language needs a file of its own (ProblemMessagesTest compares their keys)
    for (Language language : Language.values()) {
      Locale found = dev.kubeyard.model.validate.ProblemMessages.bundle(language.locale()).getLocale();
      assertThat(found).as(language.name()).isEqualTo(language == Language.ENGLISH ? Locale.ROOT : language.locale());
    }
  }

  @Test
  void theOsLanguageChoosesChineseForAnyChineseLocaleAndEnglishOtherwise() {
    assertThat(Language.of(Locale.SIMPLIFIED_CHINESE)).isEqualTo(Language.SIMPLIFIED_CHINESE);
    assertThat(Language.of(Locale.TRADITIONAL_CHINESE)).isEqualTo(Language.SIMPLIFIED_CHINESE);
    assertThat(Language.of(Locale.GERMANY)).isEqualTo(Language.ENGLISH);
  }

  @Test
  void aBoundTextFollowsALanguageSwitchAtRuntime() {
    I18n i18n = new I18n(Language.ENGLISH);
    StringBinding next = i18n.text("wizard.next");
    StringBinding blocked = i18n.text("wizard.blocked", 2);
    assertThat(next.get()).isEqualTo("Next");
    assertThat(blocked.get()).startsWith("2 problems");

    i18n.languageProperty().set(Language.SIMPLIFIED_CHINESE);

    assertThat(next.get()).isEqualTo("下一步");
    assertThat(blocked.get()).isEqualTo("本页还有 2 个问题，修正后才能继续");
  }
}

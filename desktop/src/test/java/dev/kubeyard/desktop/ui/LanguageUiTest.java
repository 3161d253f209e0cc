package dev.kubeyard.desktop.ui;

import static dev.kubeyard.desktop.ui.UiHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.fx.FileDialogs.Kind;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.i18n.Language;
import dev.kubeyard.desktop.install.InstallViewModel.RunState;
import dev.kubeyard.desktop.install.RehearsalRunner;
import dev.kubeyard.desktop.shell.ShellViewModel.Screen;
import dev.kubeyard.desktop.testing.Fixtures;
import dev.kubeyard.desktop.wizard.WizardStep;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Switching to Chinese at runtime relabels every text that comes from the message bundles, on every
 * wizard page, the install page and the manager. Texts made by the engine and the model (step titles,
 * validation rules) are English in both languages and are not part of this check.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LanguageUiTest {
  private final UiHarness ui = new UiHarness();
  private final List<Pattern> englishOnly = englishOnlyPatterns();

  @Start
  void start(Stage stage) {
    ui.answer(Kind.CLUSTER_YAML, Fixtures.exampleClusterYaml()).answer(Kind.KUBECONFIG, Path.of("admin.kubeconfig"));
    ui.show(stage, "logs-language", logs -> RehearsalRunner.threaded(Duration.ZERO, Map.of(), logs));
  }

  @Test
  void switchingToChineseChangesEveryLabelOnEveryScreen(FxRobot robot) {
    checkScreen(robot, "start");
    WizardNavigation.openExampleAndGoTo(robot, ui, WizardStep.START);
    for (WizardStep step : WizardStep.values()) {
      robot.interact(() -> ui.shell.wizard.goTo(step));
      if (step != WizardStep.START) {
        WizardNavigation.openExampleAndGoTo(robot, ui, step);
      }
      checkScreen(robot, step.id());
      robot.interact(() -> ui.shell.wizard.currentProperty().set(WizardStep.START));
    }
    WizardNavigation.openExampleAndGoTo(robot, ui, WizardStep.REVIEW);
    robot.clickOn("#wizard-rehearse");
    waitFor("the rehearsal", () -> ui.shell.install.stateProperty().get() == RunState.SUCCEEDED);
    checkScreen(robot, "install");
    robot.interact(() -> ui.shell.manage(Path.of("admin.kubeconfig")));
    waitFor("the manager", () -> ui.shell.screenProperty().get() == Screen.MANAGER && ui.shell.manager.pods().size() == 2);
    checkScreen(robot, "manager");
  }

  private void checkScreen(FxRobot robot, String name) {
    robot.interact(() -> ui.i18n.languageProperty().set(Language.ENGLISH));
    Map<Object, Supplier<String>> texts = texts(robot);
    Map<Object, String> english = new IdentityHashMap<>();
    texts.forEach((node, text) -> english.put(node, text.get()));

    robot.interact(() -> ui.i18n.languageProperty().set(Language.SIMPLIFIED_CHINESE));
    ui.screenshot(robot, "zh-" + name);

    List<String> unchanged = new ArrayList<>();
    int fromBundles = 0;
    for (Map.Entry<Object, String> e : english.entrySet()) {
      if (!fromBundle(e.getValue())) {
        continue;
      }
      fromBundles++;
      String now = texts.get(e.getKey()).get();
      if (now.equals(e.getValue()) || fromBundle(now)) {
        unchanged.add(e.getValue() + " -> " + now);
      }
    }
    assertThat(unchanged).as("texts still in English on " + name).isEmpty();
    assertThat(fromBundles).as("bundle texts on " + name).isGreaterThan(5);
    robot.interact(() -> ui.i18n.languageProperty().set(Language.ENGLISH));
  }

  private boolean fromBundle(String text) {
    return text != null && !text.isBlank() && englishOnly.stream().anyMatch(p -> p.matcher(text).matches());
  }

  /** Every visible text of the scene: labels, buttons, tabs and table headers. */
  private Map<Object, Supplier<String>> texts(FxRobot robot) {
    Map<Object, Supplier<String>> out = new IdentityHashMap<>();
    robot.interact(() -> collect(ui.scene.getRoot(), out));
    return out;
  }

  private static void collect(Node node, Map<Object, Supplier<String>> out) {
    if (!node.isVisible() || node.getStyleClass().contains("log-view")) {
      return; // hidden, or engine output (log lines are data, not UI text)
    }
    if (node instanceof Labeled l) {
      out.put(l, () -> l.getText() == null ? "" : l.getText());
    }
    if (node instanceof TabPane tabs) {
      for (Tab t : tabs.getTabs()) {
        out.put(t, () -> t.getText() == null ? "" : t.getText());
      }
    }
    if (node instanceof TableView<?> table) {
      for (TableColumnBase<?, ?> c : table.getColumns()) {
        out.put(c, () -> c.getText() == null ? "" : c.getText());
      }
    }
    if (node instanceof Parent p) {
      p.getChildrenUnmodifiable().forEach(child -> collect(child, out));
    }
  }

  /** The English texts whose Chinese differs, as patterns ({0} slots match anything). */
  private static List<Pattern> englishOnlyPatterns() {
    ResourceBundle en = I18n.bundle(Language.ENGLISH);
    ResourceBundle zh = I18n.bundle(Language.SIMPLIFIED_CHINESE);
    List<Pattern> out = new ArrayList<>();
    for (String key : en.keySet()) {
      String text = en.getString(key);
      if (text.isEmpty() || text.equals(zh.getString(key)) || text.contains("choice,")) {
        continue;
      }
      String[] parts = text.replace("''", "'").split("\\{\\d+\\}", -1);
      if (String.join("", parts).replaceAll("[^A-Za-z]", "").length() < 4) {
        continue;
      }
      StringBuilder regex = new StringBuilder();
      for (int i = 0; i < parts.length; i++) {
        regex.append(Pattern.quote(parts[i]));
        if (i < parts.length - 1) {
          regex.append("(?s).*");
        }
      }
      out.add(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }
    return out;
  }
}

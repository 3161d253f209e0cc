package dev.kubeyard.desktop.shell;

import dev.kubeyard.desktop.DesktopContext;
import dev.kubeyard.desktop.fx.FileDialogs;
import dev.kubeyard.desktop.fx.Ui;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.i18n.Language;
import dev.kubeyard.desktop.install.InstallView;
import dev.kubeyard.desktop.manager.ManagerView;
import dev.kubeyard.desktop.shell.ShellViewModel.Screen;
import dev.kubeyard.desktop.wizard.WizardView;
import java.util.EnumMap;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.controlsfx.control.SegmentedButton;
import javafx.scene.layout.StackPane;

/** The window: a header with the screens and the language, and the current screen below. */
public final class MainWindow {
  private final BorderPane root = new BorderPane();
  private final Map<Screen, java.util.function.Supplier<Node>> factories = new EnumMap<>(Screen.class);
  private final Map<Screen, Node> screens = new EnumMap<>(Screen.class);
  private final StackPane content = new StackPane();

  public MainWindow(ShellViewModel vm, DesktopContext ctx) {
    I18n i18n = ctx.i18n();
    root.getStyleClass().add("kubeyard");
    Runnable chooseKubeconfig = () -> ctx.dialogs().open(FileDialogs.Kind.KUBECONFIG).ifPresent(vm::manage);
    factories.put(Screen.WIZARD, () -> new WizardView(vm.wizard, ctx, vm::rehearse, vm::install, vm::manage).node());
    Runnable manageInstalled = () -> vm.installedKubeconfig().ifPresentOrElse(vm::manage, chooseKubeconfig);
    factories.put(Screen.INSTALL, () -> new InstallView(vm.install, i18n, ctx.openFile(),
        () -> vm.show(Screen.WIZARD), manageInstalled).node());
    factories.put(Screen.MANAGER, () -> new ManagerView(vm.manager, i18n, chooseKubeconfig).node());
    root.setTop(header(vm, i18n));
    root.setCenter(content);
    ensure(Screen.WIZARD, vm);
    vm.screenProperty().addListener((o, old, now) -> ensure(now, vm));
    // the install page is built (then styled and laid out, hidden) while the plan is reviewed, so
    // showing it costs no first-time CSS or layout pass while engine events pour in
    vm.wizard.currentProperty().addListener((o, old, now) -> {
      if (now == dev.kubeyard.desktop.wizard.WizardStep.REVIEW) {
        ensure(Screen.INSTALL, vm);
      }
    });
  }

  /** Builds a screen the first time it is needed (a faster first window); it then stays in the scene. */
  private void ensure(Screen screen, ShellViewModel vm) {
    if (!screens.containsKey(screen)) {
      Node node = factories.get(screen).get();
      node.visibleProperty().bind(vm.screenProperty().isEqualTo(screen));
      screens.put(screen, node);
      content.getChildren().add(node);
    }
  }

  private Node header(ShellViewModel vm, I18n i18n) {
    Label brand = new Label("Kubeyard");
    brand.getStyleClass().add("brand");
    Label tagline = Ui.label(i18n, "app.tagline");
    tagline.getStyleClass().add("tagline");
    // ControlsFX's segmented button: the three screens as one control
    SegmentedButton tabs = new SegmentedButton();
    tabs.getStyleClass().add("screen-switch");
    for (Screen s : Screen.values()) {
      ToggleButton b = new ToggleButton();
      b.setId("screen-" + s.name().toLowerCase());
      b.textProperty().bind(i18n.text("screen." + s.name().toLowerCase()));
      b.setSelected(vm.screenProperty().get() == s);
      vm.screenProperty().addListener((o, old, now) -> b.setSelected(now == s));
      b.setOnAction(e -> {
        vm.show(s);
        b.setSelected(vm.screenProperty().get() == s);
      });
      if (s == Screen.INSTALL) {
        b.disableProperty().bind(vm.installLoadedProperty().not());
      }
      tabs.getButtons().add(b);
    }
    ComboBox<Language> language = new ComboBox<>(FXCollections.observableArrayList(Language.values()));
    language.setId("language");
    language.valueProperty().bindBidirectional(i18n.languageProperty());
    language.setCellFactory(l -> languageCell());
    language.setButtonCell(languageCell());
    Label languageLabel = Ui.label(i18n, "app.language");
    languageLabel.getStyleClass().add("tagline");
    HBox bar = new HBox(14, brand, tagline, Ui.grow(), tabs, Ui.grow(), languageLabel, language);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("app-header");
    return bar;
  }

  private static ListCell<Language> languageCell() {
    return new ListCell<>() {
      @Override
      protected void updateItem(Language item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : item.nativeName());
      }
    };
  }

  public BorderPane node() {
    return root;
  }
}

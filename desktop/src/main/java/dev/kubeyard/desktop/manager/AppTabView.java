package dev.kubeyard.desktop.manager;

import dev.kubeyard.desktop.fx.Ui;
import dev.kubeyard.desktop.i18n.I18n;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.VBox;

/**
 * The tab of an application Kubeyard cannot install yet (SQL Server): it says "not installed",
 * what the feature will bring, and offers an install action that stays disabled until the feature lands.
 */
final class AppTabView {
  private final Tab tab = new Tab();

  AppTabView(AppKind app, I18n i18n) {
    tab.textProperty().bind(i18n.text(app.key() + ".title"));
    tab.setId("tab-" + app.name().toLowerCase());
    Label state = Ui.label(i18n, "manager.app.notInstalled");
    state.getStyleClass().add("empty-state-title");
    state.setId("app-state-" + app.name().toLowerCase());
    Label about = Ui.hint(i18n, app.key() + ".about");
    about.setMaxWidth(560);
    Button install = Ui.button(i18n, "manager.app.install");
    install.setId("app-install-" + app.name().toLowerCase());
    install.getStyleClass().add("accent");
    install.setDisable(true);
    Label pending = Ui.hint(i18n, "manager.app.pending");
    pending.getStyleClass().add("warning-text");
    pending.setMaxWidth(560);
    VBox box = new VBox(14, state, about, install, pending);
    box.setAlignment(Pos.CENTER);
    box.getStyleClass().add("empty-state");
    tab.setContent(box);
  }

  Tab tab() {
    return tab;
  }
}

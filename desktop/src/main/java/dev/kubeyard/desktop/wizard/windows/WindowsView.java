package dev.kubeyard.desktop.wizard.windows;

import dev.kubeyard.desktop.fx.FormGrid;
import dev.kubeyard.desktop.fx.Ui;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.wizard.PageView;
import dev.kubeyard.desktop.wizard.SpecValidation;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The Windows page: server build, network mode and what each Windows node receives. */
public final class WindowsView implements PageView {
  private final VBox root = new VBox(16);

  public WindowsView(WindowsViewModel vm, SpecValidation validation, I18n i18n) {
    root.getStyleClass().add("page");
    Label none = Ui.hint(i18n, "windows.none");
    none.setId("windows-none");
    none.visibleProperty().bind(vm.hasWindowsHosts().not());
    none.managedProperty().bind(none.visibleProperty());

    FormGrid form = new FormGrid(i18n, validation);
    Label hosts = new Label();
    hosts.textProperty().bind(vm.windowsHosts());
    form.row("windows.hosts", hosts);
    ComboBox<String> server = new ComboBox<>(FXCollections.observableArrayList(WindowsViewModel.SERVER_VERSIONS));
    server.valueProperty().bindBidirectional(vm.windows().serverVersion);
    form.field("windows.serverVersion", server, "windows.serverVersion");
    ComboBox<String> mode = new ComboBox<>(FXCollections.observableArrayList(WindowsViewModel.NETWORK_MODES));
    mode.valueProperty().bindBidirectional(vm.windows().networkMode);
    form.field("windows.networkMode", mode, "windows.networkMode");
    form.field("windows.installDir", Ui.text(vm.windows().installDir), "windows.installDir");
    form.hint("windows.hint");

    Label items = new Label();
    items.setId("windows-installed");
    items.setWrapText(true);
    items.textProperty().bind(Bindings.createStringBinding(() -> vm.installedItems().get().stream()
        .map(k -> "•  " + i18n.get(k)).collect(Collectors.joining("\n")), vm.installedItems(), i18n.languageProperty()));

    VBox settings = new VBox(16, Ui.card(i18n, "windows.settings.title", form.node()),
        Ui.card(i18n, "windows.installed.title", items));
    settings.disableProperty().bind(vm.hasWindowsHosts().not());
    root.getChildren().addAll(none, settings);
  }

  @Override
  public Node node() {
    return root;
  }
}

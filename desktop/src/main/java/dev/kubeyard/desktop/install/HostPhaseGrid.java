package dev.kubeyard.desktop.install;

import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.engine.plan.Phase;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** Hosts down, phases across; each cell shows the host's state in that phase and opens its log. */
final class HostPhaseGrid {
  private static final java.util.Map<CellState, javafx.css.PseudoClass> STATES = new java.util.EnumMap<>(CellState.class);

  static {
    for (CellState s : CellState.values()) {
      STATES.put(s, javafx.css.PseudoClass.getPseudoClass(s.name().toLowerCase()));
    }
  }

  private final GridPane grid = new GridPane();
  private final InstallViewModel vm;
  private final I18n i18n;
  private final Consumer<Path> openFile;

  HostPhaseGrid(InstallViewModel vm, I18n i18n, Consumer<Path> openFile) {
    this.vm = vm;
    this.i18n = i18n;
    this.openFile = openFile;
    grid.setId("install-grid");
    grid.getStyleClass().add("host-phase-grid");
    grid.setHgap(6);
    grid.setVgap(6);
    vm.hosts().addListener((ListChangeListener<String>) c -> build());
    build();
  }

  private void build() {
    grid.getChildren().clear();
    Label corner = new Label();
    corner.textProperty().bind(i18n.text("install.grid.host"));
    corner.getStyleClass().add("grid-header");
    grid.add(corner, 0, 0);
    for (int c = 0; c < vm.phases().size(); c++) {
      Phase p = vm.phases().get(c);
      Label header = new Label();
      header.textProperty().bind(i18n.text("phase." + p.name()));
      header.getStyleClass().add("grid-header");
      header.setWrapText(true);
      header.setMaxWidth(110);
      grid.add(header, c + 1, 0);
    }
    Label logs = new Label();
    logs.textProperty().bind(i18n.text("install.grid.log"));
    logs.getStyleClass().add("grid-header");
    grid.add(logs, vm.phases().size() + 1, 0);
    for (int r = 0; r < vm.hosts().size(); r++) {
      String host = vm.hosts().get(r);
      Label name = new Label(host);
      name.getStyleClass().add("grid-host");
      grid.add(name, 0, r + 1);
      for (int c = 0; c < vm.phases().size(); c++) {
        grid.add(cell(host, vm.phases().get(c)), c + 1, r + 1);
      }
      Hyperlink log = new Hyperlink();
      log.setId("log-link-" + host);
      log.textProperty().bind(i18n.text("install.grid.openLog"));
      log.setOnAction(e -> openFile.accept(vm.logFileOf(host)));
      grid.add(log, vm.phases().size() + 1, r + 1);
    }
  }

  private Node cell(String host, Phase phase) {
    ObjectProperty<CellState> state = vm.cell(host, phase);
    Label cell = new Label();
    cell.setId("cell-" + host + "-" + phase.name());
    cell.setAlignment(Pos.CENTER);
    cell.setMaxWidth(Double.MAX_VALUE);
    cell.setMinWidth(96);
    cell.textProperty().bind(Bindings.createStringBinding(
        () -> state.get() == CellState.NONE ? "" : i18n.get(state.get().messageKey()), state, i18n.languageProperty()));
    cell.getStyleClass().add("grid-cell");
    // a pseudo-class per state: switching it restyles one cell cheaply, where changing a style class
    // would make JavaFX match the whole stylesheet again for that cell
    state.addListener((o, old, now) -> {
      cell.pseudoClassStateChanged(STATES.get(old), false);
      cell.pseudoClassStateChanged(STATES.get(now), true);
    });
    cell.pseudoClassStateChanged(STATES.get(state.get()), true);
    cell.setOnMouseClicked(e -> vm.showCell(host, phase));
    return cell;
  }

  Node node() {
    return grid;
  }
}

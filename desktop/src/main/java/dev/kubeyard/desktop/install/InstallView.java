package dev.kubeyard.desktop.install;

import dev.kubeyard.desktop.fx.Ui;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.engine.run.InstallEvent;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The install page: progress, the hosts-by-phases grid, the failure and the step log on screen. */
public final class InstallView {
  private final VBox root = new VBox(12);
  private final InstallViewModel vm;
  private final I18n i18n;

  public InstallView(InstallViewModel vm, I18n i18n, Consumer<Path> openFile, Runnable backToWizard, Runnable manage) {
    this.vm = vm;
    this.i18n = i18n;
    root.getStyleClass().addAll("page", "install-page");
    Label rehearsal = Ui.hint(i18n, "install.rehearsal");
    rehearsal.setId("install-rehearsal");
    rehearsal.getStyleClass().add("warning-banner");
    rehearsal.setMaxWidth(Double.MAX_VALUE);
    rehearsal.visibleProperty().bind(vm.changesHostsProperty().not());
    rehearsal.managedProperty().bind(rehearsal.visibleProperty());

    ScrollPane gridScroll = new ScrollPane(new HostPhaseGrid(vm, i18n, openFile).node());
    gridScroll.setFitToWidth(true);
    // as tall as the hosts need, up to ten rows; more scroll
    gridScroll.prefViewportHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
        () -> Math.min(330.0, 56.0 + 29.0 * vm.hosts().size()), vm.hosts()));
    gridScroll.getStyleClass().add("edge-to-edge");
    root.getChildren().addAll(rehearsal, header(backToWizard, manage), progress(),
        Ui.card(i18n, "install.grid.title", gridScroll), failure(openFile), log());
  }

  private Node header(Runnable backToWizard, Runnable manage) {
    Label state = new Label();
    state.setId("install-state");
    state.getStyleClass().add("card-title");
    state.textProperty().bind(Bindings.createStringBinding(() -> {
      String s = i18n.get("install.run." + vm.stateProperty().get().name().toLowerCase());
      return vm.phaseProperty().get() == null || vm.stateProperty().get() != InstallViewModel.RunState.RUNNING ? s
          : s + " — " + i18n.get("phase." + vm.phaseProperty().get().name());
    }, vm.stateProperty(), vm.phaseProperty(), i18n.languageProperty()));
    Button cancel = Ui.button(i18n, "install.cancel");
    cancel.setId("install-cancel");
    cancel.disableProperty().bind(vm.canCancel().not());
    cancel.setOnAction(e -> vm.cancel());
    Button retry = Ui.button(i18n, "install.retry");
    retry.setId("install-retry");
    retry.getStyleClass().add("accent");
    retry.disableProperty().bind(vm.canRetry().not());
    retry.setOnAction(e -> vm.retryFromFailed());
    Button back = Ui.button(i18n, "install.back");
    back.setId("install-back");
    back.disableProperty().bind(vm.canCancel());
    back.setOnAction(e -> backToWizard.run());
    Button open = Ui.button(i18n, "install.manage");
    open.setId("install-manage");
    open.disableProperty().bind(vm.stateProperty().isNotEqualTo(InstallViewModel.RunState.SUCCEEDED));
    open.setOnAction(e -> manage.run());
    HBox bar = new HBox(8, state, Ui.grow(), back, cancel, retry, open);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private Node progress() {
    ProgressBar bar = new ProgressBar();
    bar.setId("install-progress");
    bar.progressProperty().bind(vm.progressProperty());
    bar.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(bar, Priority.ALWAYS);
    Label percent = new Label();
    percent.setId("install-percent");
    percent.textProperty().bind(Bindings.createStringBinding(
        () -> Math.round(vm.progressProperty().get() * 100) + " %", vm.progressProperty()));
    percent.setMinWidth(48);
    HBox row = new HBox(10, bar, percent);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  private Node failure(Consumer<Path> openFile) {
    Label what = new Label();
    what.setId("install-failure");
    what.setWrapText(true);
    what.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    what.getStyleClass().add("failure-text");
    what.textProperty().bind(Bindings.createStringBinding(() -> {
      InstallEvent.StepFailed f = vm.failureProperty().get();
      return f == null ? "" : i18n.get("install.failed", f.host(), f.stepId(), f.message(), f.hint());
    }, vm.failureProperty(), i18n.languageProperty()));
    Hyperlink log = new Hyperlink();
    log.setId("install-failure-log");
    log.textProperty().bind(Bindings.createStringBinding(() -> vm.failureProperty().get() == null ? ""
        : i18n.get("install.failed.log", vm.failureProperty().get().logFile()), vm.failureProperty(), i18n.languageProperty()));
    log.setOnAction(e -> openFile.accept(Path.of(vm.failureProperty().get().logFile())));
    VBox box = new VBox(6, what, log);
    box.setId("install-failure-box");
    box.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    box.getStyleClass().add("failure-box");
    box.visibleProperty().bind(vm.failureProperty().isNotNull());
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  private Node log() {
    Label title = new Label();
    title.setId("install-log-title");
    title.getStyleClass().add("card-title");
    title.textProperty().bind(Bindings.createStringBinding(() -> vm.shownTitleProperty().get().isEmpty()
        ? i18n.get("install.log.none") : i18n.get("install.log.title", vm.shownTitleProperty().get()),
        vm.shownTitleProperty(), i18n.languageProperty()));
    ListView<String> lines = new ListView<>(vm.shownLog());
    lines.setId("install-log");
    lines.getStyleClass().addAll("monospace", "log-view");
    lines.setFixedCellSize(22);
    lines.setPrefHeight(200);
    vm.shownLog().addListener((javafx.collections.ListChangeListener<String>) c -> {
      if (!vm.shownLog().isEmpty()) {
        lines.scrollTo(vm.shownLog().size() - 1);
      }
    });
    VBox card = Ui.card(i18n, null, title, lines);
    VBox.setVgrow(card, Priority.ALWAYS);
    VBox.setVgrow(lines, Priority.ALWAYS);
    return card;
  }

  public Node node() {
    return root;
  }
}

package dev.kubeyard.desktop.manager.elasticsearch;

import dev.kubeyard.desktop.fx.Ui;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.manager.AppAvailability;
import dev.kubeyard.engine.apps.elasticsearch.rest.ClusterHealth;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Elasticsearch tab: health, shard allocation, the nodes (version, revision, roles, step in the
 * running update), the last or running update with its progress and log, snapshots, and the actions.
 * Without an Elasticsearch to manage it says why and what to do (Deploy when the spec has one).
 */
public final class ElasticsearchTabView {
  private final Tab tab = new Tab();
  private final I18n i18n;
  private final ElasticsearchTabViewModel vm;

  public ElasticsearchTabView(ElasticsearchTabViewModel vm, I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
    tab.textProperty().bind(i18n.text("app.elasticsearch.title"));
    tab.setId("tab-elasticsearch");
    vm.activeProperty().bind(tab.selectedProperty());

    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(vm.loadingProperty().or(vm.idle().not()));
    Label fleet = new Label();
    fleet.setId("es-fleet");
    fleet.textProperty().bind(vm.fleetProperty());
    fleet.getStyleClass().add("hint");
    HBox bar = new HBox(8,
        button("es-refresh", "manager.refresh", vm.canRefresh(), vm::refresh),
        button("es-update", "es.update", vm.canUpdate(), vm::update),
        button("es-resume", "es.resume", vm.canResume(), vm::resume),
        button("es-rollback", "es.rollback", vm.canRollback(), vm::rollback),
        button("es-snapshot", "es.snapshot", vm.canSnapshot(), vm::takeSnapshot), busy);
    bar.setAlignment(Pos.CENTER_LEFT);
    Label wanted = new Label();
    wanted.setId("es-wanted");
    wanted.getStyleClass().add("hint");
    wanted.textProperty().bind(Bindings.createStringBinding(() -> vm.wantedProperty().get().isEmpty() ? ""
        : i18n.get("es.wanted", vm.wantedProperty().get()), vm.wantedProperty(), i18n.languageProperty()));
    VBox where = new VBox(2, fleet, wanted);

    Label refusal = box("es-refusal", "es.refused", vm.refusalProperty(), vm.refusalHintProperty());
    refusal.getStyleClass().add("warning-box");
    Label error = box("es-error", "es.failed", vm.errorProperty(), vm.errorHintProperty());
    error.getStyleClass().add("failure-box");
    Label notice = new Label();
    notice.setId("es-notice");
    notice.getStyleClass().add("success-text");
    notice.textProperty().bind(vm.noticeProperty());
    notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
    notice.managedProperty().bind(notice.visibleProperty());

    Node dashboard = dashboard();
    Node empty = emptyState();
    BooleanBinding installed = Bindings.createBooleanBinding(
        () -> vm.availabilityProperty().get() == AppAvailability.INSTALLED, vm.availabilityProperty());
    dashboard.visibleProperty().bind(installed);
    empty.visibleProperty().bind(installed.not());
    StackPane body = new StackPane(empty, dashboard);
    VBox.setVgrow(body, Priority.ALWAYS);
    VBox content = new VBox(10, bar, where, refusal, error, notice, body);
    content.getStyleClass().add("page");
    ScrollPane scroll = new ScrollPane(content); // a long refusal on a small window scrolls, nothing is squeezed
    scroll.setFitToWidth(true);
    scroll.setFitToHeight(true);
    scroll.getStyleClass().add("page-scroll");
    tab.setContent(scroll);
  }

  private Node emptyState() {
    Label state = new Label();
    state.setId("app-state-elasticsearch");
    state.getStyleClass().add("empty-state-title");
    state.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(switch (vm.availabilityProperty().get()) {
      case NOT_ENABLED, NOT_DEPLOYED -> "manager.app.notInstalled";
      case NO_CLUSTER -> "es.state.noCluster";
      case CONNECTING -> "es.state.connecting";
      case UNREACHABLE, INSTALLED -> "es.state.unreachable";
    }), vm.availabilityProperty(), i18n.languageProperty()));
    Label what = new Label();
    what.setId("es-what-to-do");
    what.getStyleClass().add("hint");
    what.setWrapText(true);
    what.setMaxWidth(620);
    what.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    what.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(switch (vm.availabilityProperty().get()) {
      case NOT_ENABLED -> "es.todo.enable";
      case NO_CLUSTER -> "es.todo.openCluster";
      case CONNECTING -> "es.todo.connecting";
      case NOT_DEPLOYED -> "es.todo.deploy";
      case UNREACHABLE, INSTALLED -> "es.todo.unreachable";
    }), vm.availabilityProperty(), i18n.languageProperty()));
    Label about = Ui.hint(i18n, "app.elasticsearch.about");
    about.setMaxWidth(620);
    Button deploy = button("es-deploy", "es.deploy", vm.canDeploy(), vm::deploy);
    deploy.getStyleClass().add("accent");
    ListView<String> log = log("es-deploy-log");
    log.setMaxWidth(760);
    log.setPrefHeight(160);
    log.visibleProperty().bind(Bindings.isNotEmpty(vm.log()));
    log.managedProperty().bind(log.visibleProperty());
    VBox box = new VBox(14, state, what, deploy, about, log);
    box.setAlignment(Pos.CENTER);
    box.getStyleClass().add("empty-state");
    return box;
  }

  private Node dashboard() {
    Label health = new Label();
    health.setId("es-health");
    health.getStyleClass().add("es-health");
    health.textProperty().bind(Bindings.createStringBinding(() -> {
      ClusterHealth h = vm.healthProperty().get();
      return h == null ? "" : i18n.get("es.health." + h.status());
    }, vm.healthProperty(), i18n.languageProperty()));
    vm.healthProperty().addListener((o, old, h) -> {
      health.getStyleClass().removeAll("success-text", "warning-text", "failure-text");
      if (h != null) {
        health.getStyleClass().add(h.green() ? "success-text" : h.yellow() ? "warning-text" : "failure-text");
      }
    });
    Label healthDetail = new Label();
    healthDetail.setId("es-health-detail");
    healthDetail.textProperty().bind(Bindings.createStringBinding(() -> {
      ClusterHealth h = vm.healthProperty().get();
      return h == null ? "" : i18n.get("es.health.detail", h.nodes(), h.activePrimaries(), h.unassigned(),
          h.initializing(), h.relocating());
    }, vm.healthProperty(), i18n.languageProperty()));
    for (Label l : List.of(health, healthDetail)) {
      l.setWrapText(true);
      l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    Label allocation = new Label();
    allocation.setId("es-allocation");
    allocation.textProperty().bind(i18n.format("es.allocation", vm.allocationProperty()));
    VBox healthCard = Ui.card(i18n, "es.health", health, healthDetail, allocation);
    healthCard.setPrefWidth(320);
    healthCard.setMinWidth(320);

    Label summary = new Label();
    summary.setId("es-update-summary");
    summary.setWrapText(true);
    summary.textProperty().bind(Bindings.createStringBinding(() -> {
      UpdateProgress p = vm.progressProperty().get();
      return p == null ? i18n.get("es.update.none") : i18n.get("es.update.summary", i18n.get("es.kind." + p.kind()),
          p.from(), p.to(), i18n.get("es.phase." + p.phase()));
    }, vm.progressProperty(), i18n.languageProperty()));
    ProgressBar bar = new ProgressBar();
    bar.setId("es-update-progress");
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty().bind(Bindings.createDoubleBinding(() -> {
      UpdateProgress p = vm.progressProperty().get();
      return p == null ? 0 : p.fraction();
    }, vm.progressProperty()));
    Label doneNodes = new Label();
    doneNodes.setId("es-update-nodes");
    doneNodes.textProperty().bind(Bindings.createStringBinding(() -> {
      UpdateProgress p = vm.progressProperty().get();
      if (p == null) {
        return "";
      }
      String done = i18n.get("es.update.done", p.done(), p.total());
      return p.current() == null ? done : done + " " + i18n.get("es.update.current", p.current());
    }, vm.progressProperty(), i18n.languageProperty()));
    VBox updateCard = Ui.card(i18n, "es.update.title", summary, bar, doneNodes);
    HBox.setHgrow(updateCard, Priority.ALWAYS);
    HBox top = new HBox(12, healthCard, updateCard);

    VBox nodesCard = Ui.card(i18n, "manager.nodes", nodes());
    HBox.setHgrow(nodesCard, Priority.ALWAYS);
    VBox snapshotsCard = Ui.card(i18n, "es.snapshots", snapshots());
    snapshotsCard.setPrefWidth(320);
    HBox middle = new HBox(12, nodesCard, snapshotsCard);

    ListView<String> log = log("es-log");
    VBox logCard = Ui.card(i18n, "es.log", log);
    VBox.setVgrow(log, Priority.ALWAYS);
    VBox.setVgrow(logCard, Priority.ALWAYS);
    return new VBox(12, top, middle, logCard);
  }

  private TableView<NodeRow> nodes() {
    TableView<NodeRow> t = new TableView<>(vm.nodes());
    t.setId("es-nodes");
    t.setPrefHeight(180);
    t.setMinHeight(140);
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    t.getColumns().add(column("manager.node.name", NodeRow::name));
    t.getColumns().add(column("manager.node.version", r -> r.inCluster() ? r.version()
        : i18n.get(r.running() ? "es.node.notJoined" : "es.node.notRunning")));
    t.getColumns().add(column("es.node.revision", NodeRow::revision));
    t.getColumns().add(column("manager.node.roles", NodeRow::roles));
    t.getColumns().add(column("es.node.step", this::step));
    t.setPlaceholder(Ui.hint(i18n, "manager.empty"));
    i18n.languageProperty().addListener(o -> t.refresh());
    return t;
  }

  private String step(NodeRow r) {
    if (r.step() == NodeStep.NONE) {
      return "";
    }
    String gate = r.gate().isEmpty() ? "" : i18n.get("es.gate." + r.gate().toLowerCase());
    return i18n.get("es.step." + r.step().name().toLowerCase(), gate);
  }

  private Node snapshots() {
    ListView<String> list = new ListView<>(vm.snapshots());
    list.setId("es-snapshots");
    list.setPrefHeight(120);
    list.setMinHeight(96);
    list.setPlaceholder(Ui.hint(i18n, "es.snapshots.none"));
    list.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> vm.selectedSnapshotProperty().set(now));
    vm.selectedSnapshotProperty().addListener((o, old, now) -> {
      if (now == null) {
        list.getSelectionModel().clearSelection();
      }
    });
    Button restore = button("es-restore", "es.restore", vm.canRestore(), this::confirmRestore);
    return new VBox(8, list, restore);
  }

  private void confirmRestore() {
    String name = vm.selectedSnapshotProperty().get();
    Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
    confirm.setTitle(i18n.get("es.restore.title"));
    confirm.setHeaderText(i18n.get("es.restore.header", name));
    confirm.setContentText(i18n.get("es.restore.body"));
    if (tab.getTabPane() != null && tab.getTabPane().getScene() != null) {
      confirm.initOwner(tab.getTabPane().getScene().getWindow());
    }
    confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.restoreSelected());
  }

  private ListView<String> log(String id) {
    ListView<String> log = new ListView<>(vm.log());
    log.setId(id);
    log.setFixedCellSize(22);
    log.setMinHeight(120);
    log.getStyleClass().addAll("log-view", "monospace");
    log.setPlaceholder(Ui.hint(i18n, "es.log.empty"));
    vm.log().addListener((ListChangeListener<String>) c -> log.scrollTo(vm.log().size() - 1));
    return log;
  }

  private Label box(String id, String key, javafx.beans.property.StringProperty message,
      javafx.beans.property.StringProperty hint) {
    return Ui.messageBox(i18n, id, key, message, hint);
  }

  private Button button(String id, String key, ObservableBooleanValue enabled, Runnable action) {
    return Ui.action(i18n, id, key, enabled, action);
  }

  private <T> TableColumn<T, String> column(String key, Function<T, String> value) {
    return Ui.column(i18n, key, value);
  }

  public Tab tab() {
    return tab;
  }
}

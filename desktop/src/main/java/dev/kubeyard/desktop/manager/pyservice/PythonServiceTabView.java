package dev.kubeyard.desktop.manager.pyservice;

import dev.kubeyard.desktop.fx.Ui;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.engine.apps.pyservice.GatewayEndpoint;
import dev.kubeyard.engine.apps.pyservice.GatewayProbe;
import dev.kubeyard.engine.k8s.pyservice.GatewayDeployer;
import dev.kubeyard.engine.k8s.pyservice.GatewayStatus;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Python service tab: its state and what to do next (enable, open a cluster, deploy, create the
 * Secret, wait for replicas), the status line, Deploy and Refresh, the URL through the VIP with a live
 * check, and what the last deploy applied.
 */
public final class PythonServiceTabView {
  private final Tab tab = new Tab();
  private final I18n i18n;
  private final PythonServiceTabViewModel vm;

  public PythonServiceTabView(PythonServiceTabViewModel vm, I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
    tab.textProperty().bind(i18n.text("app.python.title"));
    tab.setId("tab-python");
    vm.activeProperty().bind(tab.selectedProperty());

    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(vm.busyProperty());
    HBox bar = new HBox(8, Ui.action(i18n, "py-refresh", "manager.refresh", vm.canRefresh(), vm::refresh),
        Ui.action(i18n, "py-deploy", "py.deploy", vm.canDeploy(), vm::deploy), busy);
    bar.setAlignment(Pos.CENTER_LEFT);

    Label state = new Label();
    state.setId("app-state-python");
    state.getStyleClass().add("empty-state-title");
    state.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(stateKey()), vm.availabilityProperty(),
        vm.statusProperty(), i18n.languageProperty()));
    Label what = new Label();
    what.setId("py-what-to-do");
    what.getStyleClass().add("hint");
    what.setWrapText(true);
    what.setMaxWidth(720);
    what.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    what.textProperty().bind(Bindings.createStringBinding(this::whatToDo, vm.availabilityProperty(),
        vm.statusProperty(), i18n.languageProperty()));
    Label summary = new Label();
    summary.setId("py-status");
    summary.getStyleClass().add("monospace");
    summary.setWrapText(true);
    summary.textProperty().bind(Bindings.createStringBinding(
        () -> vm.statusProperty().get() == null ? "" : vm.statusProperty().get().summary(), vm.statusProperty()));
    Label error = Ui.messageBox(i18n, "py-error", "es.failed", vm.errorProperty(), vm.errorHintProperty());
    error.getStyleClass().add("failure-box");

    ListView<String> applied = new ListView<>(vm.applied());
    applied.setId("py-applied");
    applied.getStyleClass().add("monospace");
    applied.setPlaceholder(Ui.hint(i18n, "py.applied.none"));
    VBox appliedCard = Ui.card(i18n, "py.applied", applied);
    VBox.setVgrow(applied, Priority.ALWAYS);
    VBox.setVgrow(appliedCard, Priority.ALWAYS);
    Label about = Ui.hint(i18n, "app.python.about");
    about.setMaxWidth(720);

    VBox content = new VBox(10, bar, state, what, summary, error, about, address(), appliedCard);
    content.getStyleClass().add("page");
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.setFitToHeight(true);
    scroll.getStyleClass().add("page-scroll");
    tab.setContent(scroll);
  }

  /** The URL through the VIP, what must resolve where, and the Check button with its last answer. */
  private VBox address() {
    Label url = new Label();
    url.setId("py-url");
    url.getStyleClass().add("monospace");
    url.textProperty().bind(Bindings.createStringBinding(() -> {
      GatewayEndpoint e = vm.endpointProperty().get();
      return e == null ? "" : e.url();
    }, vm.endpointProperty()));
    Label note = new Label();
    note.setId("py-url-note");
    note.getStyleClass().add("hint");
    note.setWrapText(true);
    note.setMaxWidth(720);
    note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    note.textProperty().bind(Bindings.createStringBinding(() -> {
      GatewayEndpoint e = vm.endpointProperty().get();
      return e == null ? i18n.get("py.url.none") : e.vip() == null ? i18n.get("py.url.noVip", e.host())
          : i18n.get("py.url.note", e.host(), e.vip());
    }, vm.endpointProperty(), i18n.languageProperty()));
    ProgressIndicator checking = new ProgressIndicator();
    checking.setPrefSize(18, 18);
    checking.visibleProperty().bind(vm.checkingProperty());
    checking.managedProperty().bind(checking.visibleProperty());
    Label result = new Label();
    result.setId("py-check-result");
    result.getStyleClass().add("monospace");
    result.setWrapText(true);
    result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    result.textProperty().bind(Bindings.createStringBinding(this::checkText, vm.checkResultProperty(),
        vm.checkingProperty(), i18n.languageProperty()));
    HBox row = new HBox(8, Ui.action(i18n, "py-check", "py.check", vm.canCheck(), vm::check), checking, result);
    row.setAlignment(Pos.CENTER_LEFT);
    return Ui.card(i18n, "py.url", url, note, row);
  }

  private String checkText() {
    GatewayProbe.Result r = vm.checkResultProperty().get();
    if (vm.checkingProperty().get()) {
      return i18n.get("py.check.running");
    }
    if (r == null) {
      return i18n.get("py.check.none");
    }
    if (r.status() == 0) {
      return i18n.get("py.check.notReached", r.url(), r.error());
    }
    String es = r.elasticsearch().isEmpty() ? "-" : r.elasticsearch();
    return i18n.get(r.ok() ? "py.check.ok" : "py.check.failed", r.url(), r.status(), es);
  }

  private String stateKey() {
    GatewayStatus s = vm.statusProperty().get();
    return switch (vm.availabilityProperty().get()) {
      case NOT_ENABLED, NOT_DEPLOYED -> "manager.app.notInstalled";
      case NO_CLUSTER -> "es.state.noCluster";
      case CONNECTING -> "es.state.connecting";
      case UNREACHABLE -> "py.state.unreachable";
      case INSTALLED -> s != null && s.available() ? "py.state.running" : "py.state.starting";
    };
  }

  private String whatToDo() {
    GatewayStatus s = vm.statusProperty().get();
    return switch (vm.availabilityProperty().get()) {
      case NOT_ENABLED -> i18n.get("py.todo.enable");
      case NO_CLUSTER -> i18n.get("es.todo.openCluster");
      case CONNECTING -> i18n.get("py.todo.connecting");
      case NOT_DEPLOYED -> i18n.get("py.todo.deploy", vm.namespace());
      case UNREACHABLE -> i18n.get("es.todo.unreachable");
      case INSTALLED -> s == null ? "" : !s.secretPresent()
          ? i18n.get("py.todo.secret", GatewayDeployer.SECRET, s.namespace())
          : s.available() ? i18n.get("py.todo.running", s.ingressHost())
          : i18n.get("py.todo.starting", s.ready(), s.desired(), s.namespace());
    };
  }

  public Tab tab() {
    return tab;
  }
}

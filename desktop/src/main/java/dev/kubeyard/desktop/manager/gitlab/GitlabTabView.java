package dev.kubeyard.desktop.manager.gitlab;

import dev.kubeyard.desktop.fx.Ui;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.engine.k8s.gitlab.DataTierStatus;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The GitLab tab: the data tier's state and what to do next, PostgreSQL's members and leader, PgBouncer,
 * Redis and the Sentinels, Deploy and Refresh, what the last deploy applied, and the honest note that
 * GitLab's own tier is not deployed from here.
 */
public final class GitlabTabView {
  private final Tab tab = new Tab();
  private final I18n i18n;
  private final GitlabTabViewModel vm;

  public GitlabTabView(GitlabTabViewModel vm, I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
    tab.textProperty().bind(i18n.text("app.gitlab.title"));
    tab.setId("tab-gitlab");
    vm.activeProperty().bind(tab.selectedProperty());

    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(vm.busyProperty());
    HBox bar = new HBox(8, Ui.action(i18n, "gitlab-refresh", "manager.refresh", vm.canRefresh(), vm::refresh),
        Ui.action(i18n, "gitlab-deploy", "gitlab.deploy", vm.canDeploy(), vm::deploy), busy);
    bar.setAlignment(Pos.CENTER_LEFT);

    Label state = new Label();
    state.setId("app-state-gitlab");
    state.getStyleClass().add("empty-state-title");
    state.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(stateKey()), vm.availabilityProperty(),
        vm.statusProperty(), i18n.languageProperty()));
    Label what = wrapped("gitlab-what-to-do", "hint");
    what.textProperty().bind(Bindings.createStringBinding(this::whatToDo, vm.availabilityProperty(),
        vm.statusProperty(), i18n.languageProperty()));
    Label error = Ui.messageBox(i18n, "gitlab-error", "es.failed", vm.errorProperty(), vm.errorHintProperty());
    error.getStyleClass().add("failure-box");
    Label noPki = wrapped("gitlab-pki-missing", "failure-box");
    noPki.textProperty().bind(Bindings.createStringBinding(() -> vm.pkiMissingProperty().get().isEmpty() ? ""
        : i18n.get("gitlab.pki.missing", vm.pkiMissingProperty().get()), vm.pkiMissingProperty(),
        i18n.languageProperty()));
    noPki.visibleProperty().bind(vm.pkiMissingProperty().isNotEmpty());
    noPki.managedProperty().bind(noPki.visibleProperty());

    Label about = Ui.hint(i18n, "app.gitlab.about");
    about.setMaxWidth(720);
    Label ownTier = Ui.hint(i18n, "gitlab.ownTier");
    ownTier.setId("gitlab-own-tier");
    ownTier.getStyleClass().add("warning-text");
    ownTier.setMaxWidth(720);

    ListView<String> applied = new ListView<>(vm.applied());
    applied.setId("gitlab-applied");
    applied.getStyleClass().add("monospace");
    applied.setPlaceholder(Ui.hint(i18n, "gitlab.applied.none"));
    applied.setPrefHeight(200);
    VBox appliedCard = Ui.card(i18n, "gitlab.applied", applied);
    VBox.setVgrow(applied, Priority.ALWAYS);
    VBox.setVgrow(appliedCard, Priority.ALWAYS);

    VBox content = new VBox(10, bar, state, what, error, noPki, about, ownTier, tier(), appliedCard);
    content.getStyleClass().add("page");
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("page-scroll");
    tab.setContent(scroll);
  }

  /** The data tier as read: the leader, each member, and the ready counts of PgBouncer, Redis and the Sentinels. */
  private VBox tier() {
    Label leader = count("gitlab-leader", s -> s.leader().isEmpty() ? i18n.get("gitlab.leader.none")
        : i18n.get("gitlab.leader", s.leader()));
    Label pgbouncer = count("gitlab-pgbouncer", s -> i18n.get("gitlab.pgbouncer", s.pgbouncerReady(),
        s.pgbouncerWanted()));
    Label redis = count("gitlab-redis", s -> i18n.get("gitlab.redis", s.redisReady(), s.redisWanted()));
    Label sentinels = count("gitlab-sentinels", s -> i18n.get("gitlab.sentinels", s.sentinelsReady(),
        s.sentinelsWanted()));

    TableView<DataTierStatus.Member> table = new TableView<>(vm.members());
    table.setId("gitlab-members");
    table.setPrefHeight(170); // three members without a scroll bar
    table.setMinHeight(120);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(Ui.hint(i18n, "gitlab.members.none"));
    table.getColumns().add(Ui.column(i18n, "gitlab.member.pod", DataTierStatus.Member::pod));
    table.getColumns().add(Ui.column(i18n, "gitlab.member.role", m -> m.role().isEmpty() ? "—" : m.role()));
    table.getColumns().add(Ui.column(i18n, "gitlab.member.ready",
        m -> i18n.get(m.ready() ? "gitlab.member.isReady" : "gitlab.member.notReady")));
    return Ui.card(i18n, "gitlab.tier", leader, table, pgbouncer, redis, sentinels);
  }

  /** A line of the tier card: empty until a status was read. */
  private Label count(String id, Function<DataTierStatus, String> text) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add("monospace");
    l.textProperty().bind(Bindings.createStringBinding(
        () -> vm.statusProperty().get() == null ? "" : text.apply(vm.statusProperty().get()), vm.statusProperty(),
        i18n.languageProperty()));
    return l;
  }

  private static Label wrapped(String id, String style) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add(style);
    l.setWrapText(true);
    l.setMaxWidth(720);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }

  private String stateKey() {
    DataTierStatus s = vm.statusProperty().get();
    return switch (vm.availabilityProperty().get()) {
      case NOT_ENABLED, NOT_DEPLOYED -> "manager.app.notInstalled";
      case NO_CLUSTER -> "es.state.noCluster";
      case CONNECTING -> "es.state.connecting";
      case UNREACHABLE -> "gitlab.state.unreachable";
      case INSTALLED -> s != null && s.healthy() ? "gitlab.state.healthy" : "gitlab.state.unhealthy";
    };
  }

  private String whatToDo() {
    DataTierStatus s = vm.statusProperty().get();
    return switch (vm.availabilityProperty().get()) {
      case NOT_ENABLED -> i18n.get("gitlab.todo.enable");
      case NO_CLUSTER -> i18n.get("es.todo.openCluster");
      case CONNECTING -> i18n.get("gitlab.todo.connecting");
      case NOT_DEPLOYED -> i18n.get("gitlab.todo.deploy", vm.namespace());
      case UNREACHABLE -> i18n.get("es.todo.unreachable");
      case INSTALLED -> s == null ? "" : s.healthy() ? i18n.get("gitlab.todo.healthy", s.namespace())
          : i18n.get("gitlab.todo.unhealthy", s.namespace());
    };
  }

  public Tab tab() {
    return tab;
  }
}

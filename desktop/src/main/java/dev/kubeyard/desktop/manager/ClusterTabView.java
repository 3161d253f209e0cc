package dev.kubeyard.desktop.manager;

import dev.kubeyard.desktop.fx.Ui;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.topology.TopologyView;
import dev.kubeyard.engine.k8s.ClusterStatus.ComponentHealth;
import dev.kubeyard.engine.k8s.ClusterStatus.IngressStatus;
import dev.kubeyard.engine.k8s.ClusterStatus.NodeStatus;
import dev.kubeyard.engine.k8s.ClusterStatus.PodStatus;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The Cluster tab: nodes, control-plane health, Ingresses and their hosts, pods of a namespace and the selected pod's log. */
final class ClusterTabView {
  private static final int NODE_POLL_SECONDS = 10;
  private final Tab tab = new Tab();
  private final I18n i18n;

  ClusterTabView(ManagerViewModel vm, I18n i18n, Runnable chooseKubeconfig) {
    this.i18n = i18n;
    tab.textProperty().bind(i18n.text("manager.cluster.tab"));
    tab.setId("tab-cluster");
    Label source = new Label();
    source.setId("manager-kubeconfig");
    source.textProperty().bind(Bindings.createStringBinding(() -> vm.kubeconfigProperty().get().isEmpty()
        ? i18n.get("manager.noKubeconfig") : i18n.get("manager.kubeconfig", vm.kubeconfigProperty().get()),
        vm.kubeconfigProperty(), i18n.languageProperty()));
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(vm.loadingProperty());
    Button open = Ui.button(i18n, "manager.open");
    open.setId("manager-open");
    open.setOnAction(e -> chooseKubeconfig.run());
    Button refresh = Ui.button(i18n, "manager.refresh");
    refresh.setId("manager-refresh");
    refresh.disableProperty().bind(vm.kubeconfigProperty().isEmpty());
    refresh.setOnAction(e -> vm.refresh());
    HBox bar = new HBox(8, source, busy, Ui.grow(), open, refresh);
    bar.setAlignment(Pos.CENTER_LEFT);

    Label error = new Label();
    error.setId("manager-error");
    error.getStyleClass().add("failure-box");
    error.setWrapText(true);
    error.setMaxWidth(Double.MAX_VALUE);
    error.textProperty().bind(Bindings.createStringBinding(() -> vm.errorProperty().get().isEmpty() ? ""
        : i18n.get("manager.error", vm.errorProperty().get(), vm.errorHintProperty().get()),
        vm.errorProperty(), vm.errorHintProperty(), i18n.languageProperty()));
    error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());

    TableView<NodeStatus> nodes = nodes(vm);
    VBox nodesCard = Ui.card(i18n, "manager.nodes", nodes);
    VBox healthCard = Ui.card(i18n, "manager.components", components(vm));
    healthCard.setPrefWidth(330);
    HBox top = new HBox(12, nodesCard, healthCard);
    HBox.setHgrow(nodesCard, Priority.ALWAYS);
    VBox podsCard = Ui.card(i18n, "manager.pods", podsBox(vm));
    HBox.setHgrow(podsCard, Priority.ALWAYS);
    TextArea log = new TextArea();
    log.setId("manager-pod-log");
    log.setEditable(false);
    log.getStyleClass().add("monospace");
    log.textProperty().bind(vm.podLogProperty());
    VBox logCard = Ui.card(i18n, "manager.podLog", log);
    logCard.setPrefWidth(420);
    VBox.setVgrow(log, Priority.ALWAYS);
    HBox bottom = new HBox(12, podsCard, logCard);
    VBox.setVgrow(bottom, Priority.ALWAYS);
    VBox ingressCard = Ui.card(i18n, "manager.ingresses", ingresses(vm));
    VBox content = new VBox(12, bar, error, top, ingressCard, picture(vm.picture()), bottom);
    content.getStyleClass().add("page");
    tab.setContent(content);
    watchNodes(vm);
  }

  /** While the tab is shown, the nodes are read every few seconds so the picture's Ready colours stay current. */
  private void watchNodes(ManagerViewModel vm) {
    Timeline poll = new Timeline(new KeyFrame(Duration.seconds(NODE_POLL_SECONDS), e -> vm.refreshNodes()));
    poll.setCycleCount(Animation.INDEFINITE);
    tab.selectedProperty().addListener((o, was, now) -> {
      if (now) {
        poll.play();
      } else {
        poll.stop();
      }
    });
    if (tab.isSelected()) {
      poll.play();
    }
  }

  /** The topology picture, each kubelet coloured by its Ready state, and what it cannot show live. */
  private Node picture(ClusterPictureViewModel picture) {
    TopologyView view = new TopologyView(picture.drawingProperty(), "manager-topology");
    javafx.scene.control.ScrollPane canvas = view.node();
    canvas.setPrefHeight(300);
    canvas.visibleProperty().bind(picture.noSpecProperty().not());
    canvas.managedProperty().bind(canvas.visibleProperty());
    Label noSpec = Ui.hint(i18n, "manager.topology.noSpec");
    noSpec.visibleProperty().bind(picture.noSpecProperty());
    noSpec.managedProperty().bind(noSpec.visibleProperty());
    Label hint = Ui.hint(i18n, "manager.topology.hint");
    hint.setId("manager-topology-hint");
    hint.setWrapText(true);
    return Ui.card(i18n, "manager.topology", hint, noSpec, canvas);
  }

  private TableView<NodeStatus> nodes(ManagerViewModel vm) {
    TableView<NodeStatus> t = new TableView<>(vm.nodes());
    t.setId("manager-nodes");
    t.setPrefHeight(236);
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    t.getColumns().add(column("manager.node.name", NodeStatus::name));
    t.getColumns().add(column("manager.node.os", NodeStatus::os));
    t.getColumns().add(column("manager.node.roles", n -> String.join(", ", n.roles())));
    t.getColumns().add(column("manager.node.version", NodeStatus::kubeletVersion));
    t.getColumns().add(column("manager.node.ip", NodeStatus::internalIp));
    t.getColumns().add(column("manager.node.ready", n -> i18n.get(n.ready() ? "manager.ready" : "manager.notReady")));
    t.getColumns().add(column("manager.node.conditions", n -> n.conditions().stream()
        .filter(c -> "Ready".equals(c.type()) ? !"True".equals(c.status()) : "True".equals(c.status()))
        .map(c -> c.type() + ": " + c.message()).collect(Collectors.joining("; "))));
    t.setPlaceholder(Ui.hint(i18n, "manager.empty"));
    i18n.languageProperty().addListener(o -> t.refresh());
    return t;
  }

  private TableView<IngressStatus> ingresses(ManagerViewModel vm) {
    TableView<IngressStatus> t = new TableView<>(vm.ingresses());
    t.setId("manager-ingresses");
    t.setPrefHeight(140);
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    t.getColumns().add(column("manager.ingress.namespace", IngressStatus::namespace));
    t.getColumns().add(column("manager.ingress.name", IngressStatus::name));
    t.getColumns().add(column("manager.ingress.class", IngressStatus::ingressClass));
    t.getColumns().add(column("manager.ingress.hosts", i -> String.join(", ", i.hosts())));
    t.getColumns().add(column("manager.ingress.address", IngressStatus::address));
    t.setPlaceholder(Ui.hint(i18n, "manager.empty"));
    return t;
  }

  private Node components(ManagerViewModel vm) {
    TableView<ComponentHealth> t = new TableView<>(vm.components());
    t.setId("manager-components");
    t.setPrefHeight(236);
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    t.getColumns().add(column("manager.component.name", ComponentHealth::name));
    t.getColumns().add(column("manager.component.health",
        c -> (c.healthy() ? "✔ " : "✘ ") + i18n.get(c.healthy() ? "manager.healthy" : "manager.unhealthy")));
    t.setPlaceholder(Ui.hint(i18n, "manager.empty"));
    i18n.languageProperty().addListener(o -> t.refresh());
    return t;
  }

  private Node podsBox(ManagerViewModel vm) {
    ComboBox<String> namespace = new ComboBox<>(vm.namespaces());
    namespace.setId("manager-namespace");
    namespace.valueProperty().bindBidirectional(vm.namespaceProperty());
    TableView<PodStatus> t = new TableView<>(vm.pods());
    t.setId("manager-pods");
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    t.getColumns().add(column("manager.pod.name", PodStatus::name));
    t.getColumns().add(column("manager.pod.phase", PodStatus::phase));
    t.getColumns().add(column("manager.pod.ready", p -> p.readyContainers() + "/" + p.containers().size()));
    t.getColumns().add(column("manager.pod.restarts", p -> String.valueOf(p.restarts())));
    t.getColumns().add(column("manager.pod.node", PodStatus::node));
    t.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> vm.selectedPodProperty().set(now));
    vm.selectedPodProperty().addListener((o, old, now) -> {
      if (now != null && now != t.getSelectionModel().getSelectedItem()) {
        t.getSelectionModel().select(now);
      }
    });
    t.setPlaceholder(Ui.hint(i18n, "manager.empty"));
    VBox.setVgrow(t, Priority.ALWAYS);
    HBox nsRow = new HBox(8, Ui.label(i18n, "manager.namespace"), namespace);
    nsRow.setAlignment(Pos.CENTER_LEFT);
    return new VBox(8, nsRow, t);
  }

  private <T> TableColumn<T, String> column(String key, Function<T, String> value) {
    return Ui.column(i18n, key, value);
  }

  Tab tab() {
    return tab;
  }
}

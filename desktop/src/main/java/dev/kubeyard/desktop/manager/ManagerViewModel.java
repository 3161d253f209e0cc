package dev.kubeyard.desktop.manager;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.manager.elasticsearch.ElasticsearchTabViewModel;
import dev.kubeyard.desktop.manager.elasticsearch.EsConnector;
import dev.kubeyard.desktop.manager.gitlab.GitlabConnection;
import dev.kubeyard.desktop.manager.gitlab.GitlabTabViewModel;
import dev.kubeyard.desktop.manager.pyservice.GatewayConnection;
import dev.kubeyard.desktop.manager.pyservice.PythonServiceTabViewModel;
import dev.kubeyard.engine.k8s.ClusterStatus;
import dev.kubeyard.engine.k8s.ClusterStatus.ComponentHealth;
import dev.kubeyard.engine.k8s.ClusterStatus.IngressStatus;
import dev.kubeyard.engine.k8s.ClusterStatus.NodeStatus;
import dev.kubeyard.engine.k8s.ClusterStatus.PodStatus;
import dev.kubeyard.engine.k8s.ClusterStatusException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The manager's Cluster tab: nodes, control-plane health, Ingresses and their hosts, pods per namespace and a pod's log, read
 * through the engine's {@link ClusterStatus} in the background; the app tabs' view models.
 */
public final class ManagerViewModel {
  static final int LOG_LINES = 500;

  private final Function<Path, ClusterStatus> connector;
  private final Threads threads;
  private final StringProperty kubeconfig = new SimpleStringProperty(this, "kubeconfig", "");
  private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
  private final StringProperty error = new SimpleStringProperty(this, "error", "");
  private final StringProperty errorHint = new SimpleStringProperty(this, "errorHint", "");
  private final ObservableList<NodeStatus> nodes = FXCollections.observableArrayList();
  private final ObservableList<ComponentHealth> components = FXCollections.observableArrayList();
  private final ObservableList<IngressStatus> ingresses = FXCollections.observableArrayList();
  private final ObservableList<String> namespaces = FXCollections.observableArrayList();
  private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "");
  private final ObservableList<PodStatus> pods = FXCollections.observableArrayList();
  private final ObjectProperty<PodStatus> selectedPod = new SimpleObjectProperty<>(this, "selectedPod");
  private final StringProperty podLog = new SimpleStringProperty(this, "podLog", "");
  private ClusterStatus status;

  private final ElasticsearchTabViewModel elasticsearch;
  private final PythonServiceTabViewModel pythonService;
  private final GitlabTabViewModel gitlab;
  private final ClusterPictureViewModel picture;

  public ManagerViewModel(Function<Path, ClusterStatus> connector, Threads threads) {
    this(connector, threads, EsConnector.kubernetes());
  }

  /** With how the Elasticsearch tab reaches the cluster's Elasticsearch (tests: local nodes, a stand-in). */
  public ManagerViewModel(Function<Path, ClusterStatus> connector, Threads threads, EsConnector elasticsearch) {
    this(connector, threads, elasticsearch, GatewayConnection.kubernetes());
  }

  /** With how the app tabs reach the cluster's Elasticsearch and Python service. */
  public ManagerViewModel(Function<Path, ClusterStatus> connector, Threads threads, EsConnector elasticsearch,
      Function<Path, GatewayConnection> pythonService) {
    this(connector, threads, elasticsearch, pythonService, GitlabConnection.kubernetes());
  }

  /** With how the app tabs reach the cluster's Elasticsearch, Python service and GitLab data tier. */
  public ManagerViewModel(Function<Path, ClusterStatus> connector, Threads threads, EsConnector elasticsearch,
      Function<Path, GatewayConnection> pythonService, Function<Path, GitlabConnection> gitlab) {
    this.connector = connector;
    this.elasticsearch = new ElasticsearchTabViewModel(elasticsearch, threads);
    this.elasticsearch.kubeconfigProperty().bind(kubeconfig);
    this.pythonService = new PythonServiceTabViewModel(pythonService, threads);
    this.pythonService.kubeconfigProperty().bind(kubeconfig);
    this.gitlab = new GitlabTabViewModel(gitlab, threads);
    this.gitlab.kubeconfigProperty().bind(kubeconfig);
    this.threads = threads;
    this.picture = new ClusterPictureViewModel(threads, nodes);
    namespace.addListener((o, old, now) -> loadPods());
    selectedPod.addListener((o, old, now) -> loadLog());
  }

  public void open(Path file) {
    kubeconfig.set(file.toString());
    ask(() -> connector.apply(file), s -> {
      status = s;
      refresh();
    });
  }

  public void refresh() {
    if (status == null) {
      return;
    }
    ClusterStatus s = status;
    ask(() -> new Overview(s.nodes(), s.components(), s.namespaces(), s.ingresses()), o -> {
      nodes.setAll(o.nodes());
      components.setAll(o.components());
      ingresses.setAll(o.ingresses());
      String keep = namespace.get();
      namespaces.setAll(o.namespaces());
      String chosen = o.namespaces().contains(keep) ? keep
          : o.namespaces().contains("kube-system") ? "kube-system" : o.namespaces().stream().findFirst().orElse("");
      // One load per refresh: a changed namespace loads through its listener.
      if (chosen.equals(namespace.get())) {
        loadPods();
      } else {
        namespace.set(chosen);
      }
    });
  }

  /**
   * Reads the nodes alone, for the picture between full refreshes (the Cluster tab asks every few seconds
   * while it is shown): no spinner, no pod reload. A changed list replaces the old one; a failure is shown
   * as a refresh's would be.
   */
  public void refreshNodes() {
    if (status == null) {
      return;
    }
    ClusterStatus s = status;
    threads.run(s::nodes, list -> {
      if (!list.equals(nodes)) {
        nodes.setAll(list);
      }
    }, e -> {
      error.set(e.getMessage());
      errorHint.set(e instanceof ClusterStatusException c ? c.hint() : "");
    });
  }

  private record Overview(List<NodeStatus> nodes, List<ComponentHealth> components, List<String> namespaces,
      List<IngressStatus> ingresses) {}

  private void loadPods() {
    String ns = namespace.get();
    if (status == null || ns == null || ns.isEmpty()) {
      pods.clear();
      return;
    }
    ClusterStatus s = status;
    ask(() -> s.pods(ns), list -> {
      if (ns.equals(namespace.get()) && !list.equals(pods)) {
        // Replacing the list clears the table's selection; the same pod is selected again.
        PodStatus was = selectedPod.get();
        pods.setAll(list);
        if (was != null) {
          list.stream().filter(p -> samePod(p, was)).findFirst().ifPresent(selectedPod::set);
        }
      }
    });
  }

  private void loadLog() {
    PodStatus pod = selectedPod.get();
    if (status == null || pod == null) {
      podLog.set("");
      return;
    }
    ClusterStatus s = status;
    String container = pod.containers().isEmpty() ? null : pod.containers().get(0);
    ask(() -> s.podLog(pod.namespace(), pod.name(), container, LOG_LINES), log -> {
      PodStatus now = selectedPod.get();
      if (now != null && samePod(now, pod)) { // an answer for a pod no longer selected is dropped
        podLog.set(log);
      }
    });
  }

  private static boolean samePod(PodStatus a, PodStatus b) {
    return a.namespace().equals(b.namespace()) && a.name().equals(b.name());
  }

  private <T> void ask(java.util.concurrent.Callable<T> question, java.util.function.Consumer<T> answer) {
    loading.set(true);
    threads.run(question, result -> {
      loading.set(false);
      error.set("");
      errorHint.set("");
      answer.accept(result);
    }, e -> {
      loading.set(false);
      error.set(e.getMessage());
      errorHint.set(e instanceof ClusterStatusException c ? c.hint() : "");
    });
  }

  public List<AppKind> apps() {
    return List.of(AppKind.values());
  }

  /** The Elasticsearch tab; its spec input is bound by the shell to the wizard's spec. */
  public ElasticsearchTabViewModel elasticsearch() {
    return elasticsearch;
  }

  /** The Python service tab; its spec input is bound by the shell to the wizard's spec. */
  public PythonServiceTabViewModel pythonService() {
    return pythonService;
  }

  /** The GitLab tab; its spec and workspace inputs are bound by the shell to the wizard's. */
  public GitlabTabViewModel gitlab() {
    return gitlab;
  }

  /** The topology picture of the Cluster tab, coloured by the nodes read here; its spec is bound by the shell. */
  public ClusterPictureViewModel picture() {
    return picture;
  }

  public StringProperty kubeconfigProperty() {
    return kubeconfig;
  }

  public BooleanProperty loadingProperty() {
    return loading;
  }

  public StringProperty errorProperty() {
    return error;
  }

  public StringProperty errorHintProperty() {
    return errorHint;
  }

  public ObservableList<NodeStatus> nodes() {
    return nodes;
  }

  public ObservableList<ComponentHealth> components() {
    return components;
  }

  /** Every Ingress of the cluster with its hosts, read with each refresh. */
  public ObservableList<IngressStatus> ingresses() {
    return ingresses;
  }

  public ObservableList<String> namespaces() {
    return namespaces;
  }

  public StringProperty namespaceProperty() {
    return namespace;
  }

  public ObservableList<PodStatus> pods() {
    return pods;
  }

  public ObjectProperty<PodStatus> selectedPodProperty() {
    return selectedPod;
  }

  public StringProperty podLogProperty() {
    return podLog;
  }
}

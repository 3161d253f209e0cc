package dev.kubeyard.desktop.manager.pyservice;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.manager.AppAvailability;
import dev.kubeyard.engine.apps.pyservice.GatewayEndpoint;
import dev.kubeyard.engine.apps.pyservice.GatewayProbe;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.k8s.ClusterStatusException;
import dev.kubeyard.engine.k8s.pyservice.GatewayStatus;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.PythonServiceSpec;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The manager's Python service tab: what the cluster runs of the gateway (replicas ready, the Secret,
 * the Ingress) and Deploy, which creates or updates the objects the spec's apps.pythonService renders.
 * Each applied object is appended to a list that stays on screen. It shows the gateway's URL through
 * the VIP and checks it end to end on demand. Inputs: the spec and the kubeconfig;
 * the status is read when the tab is {@linkplain #activeProperty() active} and an input changed.
 */
public final class PythonServiceTabViewModel {
  private final Function<Path, GatewayConnection> connector;
  private final Threads threads;
  private final ObjectProperty<ClusterSpec> spec = new SimpleObjectProperty<>(this, "spec");
  private final StringProperty kubeconfig = new SimpleStringProperty(this, "kubeconfig", "");
  private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
  private final ObjectProperty<AppAvailability> availability = new SimpleObjectProperty<>(this, "availability",
      AppAvailability.NOT_ENABLED);
  private final ObjectProperty<GatewayStatus> status = new SimpleObjectProperty<>(this, "status");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final BooleanProperty deploying = new SimpleBooleanProperty(this, "deploying");
  private final ObservableList<String> applied = FXCollections.observableArrayList();
  private final StringProperty error = new SimpleStringProperty(this, "error", "");
  private final StringProperty errorHint = new SimpleStringProperty(this, "errorHint", "");
  private final ObjectProperty<GatewayEndpoint> endpoint = new SimpleObjectProperty<>(this, "endpoint");
  private final ObjectProperty<GatewayProbe.Result> checkResult = new SimpleObjectProperty<>(this, "checkResult");
  private final BooleanProperty checking = new SimpleBooleanProperty(this, "checking");
  private long checkGeneration;
  private Object readFor;
  private long generation;

  public PythonServiceTabViewModel(Function<Path, GatewayConnection> connector, Threads threads) {
    this.connector = connector;
    this.threads = threads;
    spec.addListener(o -> inputsChanged());
    kubeconfig.addListener(o -> inputsChanged());
    active.addListener(o -> inputsChanged());
  }

  private PythonServiceSpec wanted() {
    ClusterSpec s = spec.get();
    PythonServiceSpec p = s == null || s.apps() == null ? null : s.apps().pythonService();
    return p != null && Boolean.TRUE.equals(p.enabled()) ? p : null;
  }

  private void inputsChanged() {
    GatewayEndpoint now = endpointOf(spec.get());
    if (!java.util.Objects.equals(now, endpoint.get())) {
      endpoint.set(now);
      checkGeneration++;
      checkResult.set(null);
      checking.set(false);
    }
    if (deploying.get()) {
      return; // a deploy finishes on the cluster it started on, then reads the inputs again
    }
    if (wanted() == null) {
      forget(AppAvailability.NOT_ENABLED);
    } else if (kubeconfig.get() == null || kubeconfig.get().isEmpty()) {
      forget(AppAvailability.NO_CLUSTER);
    } else if (active.get() && !java.util.Arrays.asList(kubeconfig.get(), wanted(), spec.get().kubernetes())
        .equals(readFor)) {
      refresh();
    }
  }

  /** Where the spec's gateway answers through the VIP; null when it has none or is not valid here. */
  private GatewayEndpoint endpointOf(ClusterSpec s) {
    if (wanted() == null) {
      return null;
    }
    try {
      return GatewayEndpoint.of(ClusterFacts.of(s));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The Check button: GET /api/status with the read token (/readyz without one) through the VIP with the host as SNI and Host, the certificate
   * verified against the cluster CA of the kubeconfig's plan folder; the answer or why there was none.
   */
  public void check() {
    String k = kubeconfig.get();
    if (!canCheck().get()) {
      return;
    }
    ClusterSpec s = spec.get();
    long g = ++checkGeneration;
    checking.set(true);
    threads.run(() -> connector.apply(Path.of(k)).check(ClusterFacts.of(s)), r -> {
      if (g == checkGeneration) {
        checking.set(false);
        checkResult.set(r);
      }
    }, e -> {
      if (g == checkGeneration) {
        checking.set(false);
        GatewayEndpoint ep = endpoint.get();
        checkResult.set(new GatewayProbe.Result(ep == null ? "" : ep.url(), 0, "",
            e.getMessage() == null ? e.toString() : e.getMessage()));
      }
    });
  }

  public BooleanBinding canCheck() {
    return Bindings.createBooleanBinding(() -> !checking.get() && endpoint.get() != null
        && kubeconfig.get() != null && !kubeconfig.get().isEmpty(), checking, endpoint, kubeconfig);
  }

  /** The gateway's URL through the VIP and the VIP itself; null when the spec has no gateway. */
  public ObjectProperty<GatewayEndpoint> endpointProperty() {
    return endpoint;
  }

  /** The last check's answer; null before the first check and after the spec changed. */
  public ObjectProperty<GatewayProbe.Result> checkResultProperty() {
    return checkResult;
  }

  public BooleanProperty checkingProperty() {
    return checking;
  }

  private void forget(AppAvailability why) {
    generation++;
    readFor = null;
    status.set(null);
    availability.set(why);
  }

  /** Reads what the cluster runs of the gateway (the Refresh button). */
  public void refresh() {
    PythonServiceSpec p = wanted();
    String k = kubeconfig.get();
    if (deploying.get() || p == null || k == null || k.isEmpty()) {
      return;
    }
    ClusterSpec s = spec.get();
    long g = ++generation;
    readFor = java.util.Arrays.asList(k, p, s.kubernetes());
    if (status.get() == null) {
      availability.set(AppAvailability.CONNECTING);
    }
    busy.set(true);
    threads.run(() -> connector.apply(Path.of(k)).status(ClusterFacts.of(s)), st -> {
      if (g == generation) {
        busy.set(false);
        clearError();
        shown(st);
      }
    }, e -> {
      if (g == generation) {
        busy.set(false);
        status.set(null);
        availability.set(AppAvailability.UNREACHABLE);
        failed(e);
      }
    });
  }

  /** Creates or updates every object of the gateway, then reads the status again. */
  public void deploy() {
    PythonServiceSpec p = wanted();
    String k = kubeconfig.get();
    if (!canDeploy().get() || p == null) {
      return;
    }
    ClusterSpec s = spec.get();
    long g = ++generation;
    deploying.set(true);
    busy.set(true);
    clearError();
    applied.clear();
    threads.run(() -> {
      GatewayConnection c = connector.apply(Path.of(k));
      ClusterFacts facts = ClusterFacts.of(s);
      c.deploy(facts, a -> threads.ui().execute(() -> applied.add(a.describe())));
      return c.status(facts);
    }, st -> {
      deploying.set(false);
      busy.set(false);
      readFor = java.util.Arrays.asList(k, p, s.kubernetes());
      if (g == generation) {
        shown(st);
      }
      inputsChanged();
    }, e -> {
      deploying.set(false);
      busy.set(false);
      failed(e);
      inputsChanged();
    });
  }

  private void shown(GatewayStatus st) {
    status.set(st);
    availability.set(st.deployed() ? AppAvailability.INSTALLED : AppAvailability.NOT_DEPLOYED);
  }

  private void failed(Exception e) {
    error.set(e.getMessage() == null ? e.toString() : e.getMessage());
    errorHint.set(e instanceof ClusterStatusException c ? c.hint() : "");
  }

  private void clearError() {
    error.set("");
    errorHint.set("");
  }

  public BooleanBinding canDeploy() {
    return Bindings.createBooleanBinding(() -> !busy.get() && switch (availability.get()) {
      case NOT_DEPLOYED, INSTALLED, UNREACHABLE -> true;
      default -> false;
    }, busy, availability);
  }

  public BooleanBinding canRefresh() {
    return Bindings.createBooleanBinding(() -> !busy.get() && wanted() != null && !kubeconfig.get().isEmpty(),
        busy, availability, spec, kubeconfig);
  }

  /** The namespace the spec deploys to, for the Secret's command; empty when not enabled. */
  public String namespace() {
    PythonServiceSpec p = wanted();
    return p == null ? "" : p.namespace();
  }

  public ObjectProperty<ClusterSpec> specProperty() {
    return spec;
  }

  public StringProperty kubeconfigProperty() {
    return kubeconfig;
  }

  public BooleanProperty activeProperty() {
    return active;
  }

  public ObjectProperty<AppAvailability> availabilityProperty() {
    return availability;
  }

  public ObjectProperty<GatewayStatus> statusProperty() {
    return status;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public BooleanProperty deployingProperty() {
    return deploying;
  }

  /** One line per object the last deploy created, updated or skipped. */
  public ObservableList<String> applied() {
    return applied;
  }

  public StringProperty errorProperty() {
    return error;
  }

  public StringProperty errorHintProperty() {
    return errorHint;
  }
}

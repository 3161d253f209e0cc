package dev.kubeyard.desktop.manager.gitlab;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.manager.AppAvailability;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.k8s.ClusterStatusException;
import dev.kubeyard.engine.k8s.gitlab.DataTierStatus;
import dev.kubeyard.engine.pki.PkiException;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.GitlabSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * The manager's GitLab tab: what the cluster runs of GitLab's data tier (Patroni's members and leader,
 * PgBouncer, Redis and its Sentinels; ADR 42, 43) and Deploy, which creates or updates it as
 * {@code kubeyard gitlab deploy} does, with PostgreSQL's certificate from the plan's PKI. Each applied
 * object is appended to a list that stays on screen. Inputs: the spec, the kubeconfig and the spec's
 * folder; the status is read when the tab is {@linkplain #activeProperty() active} and an input changed.
 * GitLab's own tier needs the site's images (ADR 44) and is not deployed here.
 */
public final class GitlabTabViewModel {
  private final Function<Path, GitlabConnection> connector;
  private final Threads threads;
  private final ObjectProperty<ClusterSpec> spec = new SimpleObjectProperty<>(this, "spec");
  private final StringProperty kubeconfig = new SimpleStringProperty(this, "kubeconfig", "");
  private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>(this, "workspace");
  private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
  private final ObjectProperty<AppAvailability> availability = new SimpleObjectProperty<>(this, "availability",
      AppAvailability.NOT_ENABLED);
  private final ObjectProperty<DataTierStatus> status = new SimpleObjectProperty<>(this, "status");
  private final ObservableList<DataTierStatus.Member> members = FXCollections.observableArrayList();
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final BooleanProperty deploying = new SimpleBooleanProperty(this, "deploying");
  private final ObservableList<String> applied = FXCollections.observableArrayList();
  private final StringProperty error = new SimpleStringProperty(this, "error", "");
  private final StringProperty errorHint = new SimpleStringProperty(this, "errorHint", "");
  private final StringProperty pkiMissing = new SimpleStringProperty(this, "pkiMissing", "");
  private Object readFor;
  private long generation;

  public GitlabTabViewModel(Function<Path, GitlabConnection> connector, Threads threads) {
    this.connector = connector;
    this.threads = threads;
    spec.addListener(o -> inputsChanged());
    kubeconfig.addListener(o -> inputsChanged());
    active.addListener(o -> inputsChanged());
  }

  /**
   * The spec's GitLab when Kubeyard runs its data tier: enabled, no external postgresHost. The rule of
   * {@code ClusterFacts.gitlabPostgres()}, read from the (defaulted) spec so the FX thread validates nothing.
   */
  private GitlabSpec wanted() {
    ClusterSpec s = spec.get();
    GitlabSpec g = s == null || s.apps() == null ? null : s.apps().gitlab();
    return g != null && !Boolean.FALSE.equals(g.enabled()) && g.postgresHost() == null && g.postgres() != null ? g
        : null;
  }

  private void inputsChanged() {
    if (deploying.get()) {
      return; // a deploy finishes on the cluster it started on, then reads the inputs again
    }
    if (wanted() == null) {
      forget(AppAvailability.NOT_ENABLED);
    } else if (kubeconfig.get() == null || kubeconfig.get().isEmpty()) {
      forget(AppAvailability.NO_CLUSTER);
    } else if (active.get() && !key().equals(readFor)) {
      refresh();
    }
  }

  /** What a status read depends on: a change of any of these reads again. */
  private List<Object> key() {
    return Arrays.asList(kubeconfig.get(), wanted(), spec.get().kubernetes());
  }

  private void forget(AppAvailability why) {
    generation++;
    readFor = null;
    shownStatus(null);
    availability.set(why);
  }

  /** Reads what the cluster runs of the data tier (the Refresh button). */
  public void refresh() {
    String k = kubeconfig.get();
    if (deploying.get() || wanted() == null || k == null || k.isEmpty()) {
      return;
    }
    ClusterSpec s = spec.get();
    long g = ++generation;
    readFor = key();
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
        shownStatus(null);
        availability.set(AppAvailability.UNREACHABLE);
        failed(e);
      }
    });
  }

  /**
   * Creates or updates PostgreSQL's and Redis's objects with the certificate from the plan's PKI, then
   * reads the status again. Without a PKI nothing is applied and {@link #pkiMissingProperty()} names where
   * it was looked for.
   */
  public void deploy() {
    String k = kubeconfig.get();
    if (!canDeploy().get() || wanted() == null) {
      return;
    }
    ClusterSpec s = spec.get();
    Path specFolder = workspace.get();
    List<Object> key = key();
    long g = ++generation;
    deploying.set(true);
    busy.set(true);
    clearError();
    applied.clear();
    threads.run(() -> {
      Path pki = pkiFolder(Path.of(k), specFolder);
      GitlabConnection c = connector.apply(Path.of(k));
      ClusterFacts facts = ClusterFacts.of(s);
      c.deploy(facts, pki, a -> threads.ui().execute(() -> applied.add(a.describe())));
      return c.status(facts);
    }, st -> {
      deploying.set(false);
      busy.set(false);
      readFor = key;
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

  /**
   * Where the plan's pki/ is: beside the kubeconfig ({@code kubeyard plan} writes admin.kubeconfig next to
   * pki/), else in kubeyard-plan beside the open cluster.yaml, where Install and {@code kubeyard apply} write.
   */
  static Path pkiFolder(Path kubeconfig, Path specFolder) {
    List<Path> looked = new ArrayList<>();
    Path beside = kubeconfig.toAbsolutePath().getParent();
    if (beside != null) {
      looked.add(beside.resolve("pki"));
    }
    if (specFolder != null) {
      Path plan = specFolder.toAbsolutePath().resolve("kubeyard-plan").resolve("pki");
      if (!looked.contains(plan)) {
        looked.add(plan);
      }
    }
    return looked.stream().filter(Files::isDirectory).findFirst().orElseThrow(() -> new NoPki(looked));
  }

  /** No plan folder with a pki/ where the tab looked. */
  static final class NoPki extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final List<Path> looked;

    NoPki(List<Path> looked) {
      super("no PKI in " + looked);
      this.looked = List.copyOf(looked);
    }
  }

  private void shown(DataTierStatus st) {
    shownStatus(st);
    availability.set(deployed(st) ? AppAvailability.INSTALLED : AppAvailability.NOT_DEPLOYED);
  }

  private void shownStatus(DataTierStatus st) {
    status.set(st);
    if (st == null) {
      members.clear();
    } else if (!st.members().equals(members)) {
      members.setAll(st.members());
    }
  }

  /** Anything of the data tier exists: a member, or a workload that wants replicas. */
  static boolean deployed(DataTierStatus st) {
    return !st.members().isEmpty() || st.pgbouncerWanted() > 0 || st.redisWanted() > 0 || st.sentinelsWanted() > 0;
  }

  private void failed(Exception e) {
    if (e instanceof NoPki p) {
      pkiMissing.set(String.join(", ", p.looked.stream().map(Path::toString).toList()));
      return;
    }
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    String hint = e instanceof ClusterStatusException c ? c.hint() : e instanceof PkiException p ? p.hint() : "";
    // a PkiException's message ends with its hint: shown once, as the hint
    error.set(!hint.isEmpty() && message.endsWith("; " + hint)
        ? message.substring(0, message.length() - hint.length() - 2) : message);
    errorHint.set(hint);
  }

  private void clearError() {
    error.set("");
    errorHint.set("");
    pkiMissing.set("");
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

  /** The namespace the spec deploys GitLab to; empty when Kubeyard runs no data tier. */
  public String namespace() {
    GitlabSpec g = wanted();
    return g == null ? "" : g.namespace();
  }

  public ObjectProperty<ClusterSpec> specProperty() {
    return spec;
  }

  public StringProperty kubeconfigProperty() {
    return kubeconfig;
  }

  /** The folder of the open cluster.yaml: its kubeyard-plan/pki is where Deploy looks after the kubeconfig's folder. */
  public ObjectProperty<Path> workspaceProperty() {
    return workspace;
  }

  public BooleanProperty activeProperty() {
    return active;
  }

  public ObjectProperty<AppAvailability> availabilityProperty() {
    return availability;
  }

  /** The last status read; null before one and while the tab has no cluster. */
  public ObjectProperty<DataTierStatus> statusProperty() {
    return status;
  }

  /** Patroni's members of the last status, for the table. */
  public ObservableList<DataTierStatus.Member> members() {
    return members;
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

  /** The folders where Deploy looked for the plan's pki/ and found none; empty otherwise. */
  public StringProperty pkiMissingProperty() {
    return pkiMissing;
  }
}

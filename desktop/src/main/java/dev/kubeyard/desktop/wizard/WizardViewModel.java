package dev.kubeyard.desktop.wizard;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.install.ExecutorRunner;
import dev.kubeyard.desktop.wizard.apps.AppsViewModel;
import dev.kubeyard.desktop.wizard.draft.ClusterDraft;
import dev.kubeyard.desktop.wizard.hosts.HostsViewModel;
import dev.kubeyard.desktop.wizard.loadbalancer.LoadBalancerViewModel;
import dev.kubeyard.desktop.wizard.network.NetworkViewModel;
import dev.kubeyard.desktop.wizard.review.ReviewViewModel;
import dev.kubeyard.desktop.wizard.start.StartViewModel;
import dev.kubeyard.desktop.wizard.versions.VersionsViewModel;
import dev.kubeyard.desktop.wizard.windows.WindowsViewModel;
import dev.kubeyard.model.validate.Problem;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * The wizard: one shared draft, the page view models over it, and the navigation rules. "Next" is
 * enabled only while the current page has no problems (and the start page has a spec loaded).
 */
public final class WizardViewModel {
  private final ClusterDraft draft = new ClusterDraft();
  private final SpecValidation validation = new SpecValidation(draft);
  private final ObjectProperty<WizardStep> current = new SimpleObjectProperty<>(this, "current", WizardStep.START);
  private final ObjectProperty<WizardStep> furthest = new SimpleObjectProperty<>(this, "furthest", WizardStep.START);
  private final Map<WizardStep, ObservableList<Problem>> problemsByStep = new EnumMap<>(WizardStep.class);
  public final StartViewModel start;
  public final HostsViewModel hosts;
  public final NetworkViewModel network;
  public final LoadBalancerViewModel loadBalancer;
  public final WindowsViewModel windows;
  public final VersionsViewModel versions;
  public final AppsViewModel apps;
  public final ReviewViewModel review;

  private final ObjectProperty<java.nio.file.Path> workspace = new SimpleObjectProperty<>(this, "workspace");

  /** A wizard whose cluster files (known_hosts) go to ~/.kubeyard until a cluster.yaml is opened. */
  public WizardViewModel(Threads threads) {
    this(threads, new dev.kubeyard.desktop.wizard.start.EngineLab());
  }

  /** As {@link #WizardViewModel(Threads)}, with the lab "Try it on this machine" brings up. */
  public WizardViewModel(Threads threads, dev.kubeyard.desktop.wizard.start.LabLauncher lab) {
    this(threads, java.nio.file.Path.of(System.getProperty("user.home"), ".kubeyard"), lab);
  }

  public WizardViewModel(Threads threads, java.nio.file.Path defaultWorkspace,
      dev.kubeyard.desktop.wizard.start.LabLauncher lab) {
    workspace.set(defaultWorkspace);
    for (WizardStep s : WizardStep.values()) {
      problemsByStep.put(s, validation.on(s));
    }
    start = new StartViewModel(draft, threads, lab);
    start.openedFileProperty().addListener((o, old, now) -> {
      if (!now.isEmpty()) {
        workspace.set(java.nio.file.Path.of(now).toAbsolutePath().getParent()); // beside cluster.yaml, as the CLI
      }
    });
    hosts = new HostsViewModel(draft, validation, threads, this::knownHosts);
    network = new NetworkViewModel(draft);
    loadBalancer = new LoadBalancerViewModel(draft);
    windows = new WindowsViewModel(draft);
    versions = new VersionsViewModel(draft, validation, threads);
    apps = new AppsViewModel(draft);
    // Install writes the plan where 'kubeyard apply -f cluster.yaml' does: kubeyard-plan beside the spec
    review = new ReviewViewModel(validation, threads, draft.bundlePath, () -> workspace.get().resolve("kubeyard-plan"),
        spec -> ExecutorRunner.sshTransports(spec, knownHosts()));
    current.addListener((o, old, now) -> {
      if (now.ordinal() > furthest.get().ordinal()) {
        furthest.set(now);
      }
      if (now == WizardStep.REVIEW) {
        review.refresh();
      }
    });
  }

  /** Where this cluster's known_hosts lives: beside the opened cluster.yaml, else ~/.kubeyard. */
  public ObjectProperty<java.nio.file.Path> workspaceProperty() {
    return workspace;
  }

  public java.nio.file.Path knownHosts() {
    return workspace.get().resolve("known_hosts");
  }

  public ClusterDraft draft() {
    return draft;
  }

  public SpecValidation validation() {
    return validation;
  }

  public ObjectProperty<WizardStep> currentProperty() {
    return current;
  }

  public ObjectProperty<WizardStep> furthestProperty() {
    return furthest;
  }

  public ObservableList<Problem> problemsOf(WizardStep step) {
    return problemsByStep.get(step);
  }

  /**
   * The number of problems on the current page. It depends on the per-page lists, not on the list of
   * all problems: a list tells its invalidation listeners before the filtered lists have caught up.
   */
  public IntegerBinding problemsOnCurrentPage() {
    Observable[] deps = new Observable[problemsByStep.size() + 1];
    deps[0] = current;
    int i = 1;
    for (ObservableList<Problem> list : problemsByStep.values()) {
      deps[i++] = list;
    }
    return Bindings.createIntegerBinding(() -> problemsOf(current.get()).size(), deps);
  }

  /** The current page is done: no problems on it, and on the start page a spec is loaded. */
  public BooleanBinding canGoNext() {
    IntegerBinding onPage = problemsOnCurrentPage();
    BooleanBinding ready = start.ready();
    return Bindings.createBooleanBinding(() -> {
      WizardStep step = current.get();
      if (step == WizardStep.REVIEW || onPage.get() > 0) {
        return false;
      }
      return step != WizardStep.START || ready.get();
    }, current, onPage, ready);
  }

  public BooleanBinding canGoBack() {
    return Bindings.createBooleanBinding(() -> current.get() != WizardStep.START, current);
  }

  public void next() {
    if (canGoNext().get()) {
      current.set(WizardStep.values()[current.get().ordinal() + 1]);
    }
  }

  public void back() {
    if (current.get() != WizardStep.START) {
      current.set(WizardStep.values()[current.get().ordinal() - 1]);
    }
  }

  /** Jumps to a page already reached, e.g. from the problem list. */
  public void goTo(WizardStep step) {
    if (step.ordinal() <= furthest.get().ordinal()) {
      current.set(step);
    }
  }
}

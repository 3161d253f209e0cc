package dev.kubeyard.desktop.wizard.review;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.wizard.SpecValidation;
import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.run.PlanDiff;
import dev.kubeyard.engine.transport.TransportFactory;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.SpecYaml;
import dev.kubeyard.model.validate.ValidSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * The review page: the plan per host before anything runs, the offline bundle the install will use,
 * saving cluster.yaml, and writing the plan folder as the CLI does (with the bundle when there is one;
 * an install needs one).
 */
public final class ReviewViewModel {
  private final SpecValidation validation;
  private final Threads threads;
  private final StringProperty bundlePath;
  private final Supplier<Path> defaultPlanDir;
  private final ObjectProperty<BundleChoice> bundle = new SimpleObjectProperty<>(this, "bundle");
  private final BooleanProperty locating = new SimpleBooleanProperty(this, "locating");
  private final StringProperty bundleRefusal = new SimpleStringProperty(this, "bundleRefusal", "");
  private final AtomicLong bundleGeneration = new AtomicLong();
  private final ObjectProperty<PlanPreview> preview = new SimpleObjectProperty<>(this, "preview");
  private final BooleanProperty building = new SimpleBooleanProperty(this, "building");
  private final StringProperty failure = new SimpleStringProperty(this, "failure", "");
  private final StringProperty savedTo = new SimpleStringProperty(this, "savedTo", "");
  private final StringProperty selectedHost = new SimpleStringProperty(this, "selectedHost", "");
  private final ObservableList<String> hosts = FXCollections.observableArrayList();
  private final ObservableList<Step> steps = FXCollections.observableArrayList();
  private final AtomicLong generation = new AtomicLong();
  private final Function<ClusterSpec, TransportFactory> transports;
  private final BooleanProperty comparing = new SimpleBooleanProperty(this, "comparing");
  private final StringProperty comparison = new SimpleStringProperty(this, "comparison", "");

  /**
   * @param bundlePath the bundle folder chosen (on the versions page or here); blank: the newest built here
   * @param defaultPlanDir where Install writes the plan when no folder was written yet (beside cluster.yaml)
   * @param transports how the hosts of a spec are reached (SSH with the wizard's known_hosts), for the comparison
   */
  public ReviewViewModel(SpecValidation validation, Threads threads, StringProperty bundlePath, Supplier<Path> defaultPlanDir,
      Function<ClusterSpec, TransportFactory> transports) {
    this.transports = transports;
    this.validation = validation;
    this.threads = threads;
    this.bundlePath = bundlePath;
    this.defaultPlanDir = defaultPlanDir;
    selectedHost.addListener(o -> showSteps());
    bundlePath.addListener(o -> {
      if (preview.get() != null) {
        locateBundle();
      }
    });
  }

  /** Builds the plan of the current spec in the background; an invalid spec has no plan. */
  public void refresh() {
    long mine = generation.incrementAndGet();
    preview.set(null);
    hosts.clear();
    failure.set("");
    locateBundle();
    ValidSpec spec = validation.validSpec().orElse(null);
    if (!validation.valid().get() || spec == null) {
      return;
    }
    building.set(true);
    threads.run(() -> PlanPreview.of(spec), p -> {
      if (generation.get() == mine) {
        building.set(false);
        preview.set(p);
        hosts.setAll(p.hosts());
        selectedHost.set(hosts.isEmpty() ? "" : hosts.get(0));
        showSteps();
      }
    }, e -> {
      building.set(false);
      failure.set(e.getMessage());
    });
  }

  private void showSteps() {
    PlanPreview p = preview.get();
    steps.setAll(p == null ? java.util.List.of() : p.stepsOf(selectedHost.get()));
  }

  /** cluster.yaml as it will be saved: the spec with every default written out. */
  public String yaml() {
    return SpecYaml.write(validation.specProperty().get());
  }

  /**
   * Finds the bundle the install will use, in the background, as {@code kubeyard apply} does: the folder
   * chosen, else the newest built on this machine for the spec's Kubernetes version.
   */
  public void locateBundle() {
    long mine = bundleGeneration.incrementAndGet();
    bundleRefusal.set("");
    if (!validation.valid().get()) {
      bundle.set(null);
      return;
    }
    ClusterSpec spec = validation.specProperty().get();
    String chosen = bundlePath.get();
    locating.set(true);
    threads.run(() -> BundleChoice.locate(chosen, spec), found -> {
      if (bundleGeneration.get() == mine) {
        locating.set(false);
        bundle.set(found);
      }
    }, e -> {
      if (bundleGeneration.get() == mine) {
        locating.set(false);
        bundle.set(null);
        failure.set(e.getMessage());
      }
    });
  }

  /** Uses this bundle folder instead of the one found on this machine. */
  public void chooseBundle(Path folder) {
    bundlePath.set(folder.toString());
  }

  /**
   * Issues the PKI and writes the plan folder (as {@code kubeyard plan}, with the bundle when one was
   * found); the review then shows that plan.
   */
  public void writePlan(Path dir) {
    BundleChoice b = bundle.get();
    write(dir, b != null && b.found() ? b.folder() : null, written -> { });
  }

  /**
   * What Install does first, as {@code kubeyard apply}: writes the plan from the bundle (into the folder
   * already written, else beside cluster.yaml), then hands the written plan to {@code start}. A bundle
   * that cannot install the spec stops here: {@link #bundleRefusalProperty()} names what is wrong.
   */
  public void install(Consumer<PlanPreview> start) {
    if (!canInstall().get()) {
      return;
    }
    Path dir = preview.get().folder() != null ? preview.get().folder() : defaultPlanDir.get();
    write(dir, bundle.get().folder(), start);
  }

  private void write(Path dir, Path bundleFolder, Consumer<PlanPreview> then) {
    write(dir, bundleFolder, then, () -> { });
  }

  private void write(Path dir, Path bundleFolder, Consumer<PlanPreview> then, Runnable failed) {
    ValidSpec spec = validation.validSpec().orElse(null);
    if (!validation.valid().get() || spec == null) {
      return;
    }
    long mine = generation.incrementAndGet();
    building.set(true);
    failure.set("");
    bundleRefusal.set("");
    threads.run(() -> PlanPreview.written(spec, dir, bundleFolder), p -> {
      if (generation.get() == mine) {
        building.set(false);
        String keep = selectedHost.get();
        preview.set(p);
        hosts.setAll(p.hosts());
        selectedHost.set(hosts.contains(keep) ? keep : hosts.isEmpty() ? "" : hosts.get(0));
        showSteps();
        then.accept(p);
      }
    }, e -> {
      building.set(false);
      if (e instanceof BundleException) {
        bundleRefusal.set(e.getMessage());
      } else {
        failure.set(e.getMessage());
      }
      failed.run();
    });
  }

  /**
   * What Install would change, as {@code kubeyard diff}: writes the plan as Install does (the bundle is
   * needed for the binaries' hashes), then asks each host over SSH, reading only. The report goes to
   * {@link #comparisonProperty()}.
   */
  public void compare() {
    if (!canInstall().get()) {
      return;
    }
    comparing.set(true);
    comparison.set("");
    Path dir = preview.get().folder() != null ? preview.get().folder() : defaultPlanDir.get();
    ClusterSpec spec = validation.specProperty().get();
    write(dir, bundle.get().folder(), p -> threads.run(() -> PlanDiff.report(PlanDiff.of(p.plan(), p.folder(), transports.apply(spec))),
        lines -> {
          comparing.set(false);
          comparison.set(String.join("\n", lines));
        }, e -> {
          comparing.set(false);
          comparison.set(e.getMessage());
        }), () -> comparing.set(false));
  }

  public BooleanProperty comparingProperty() {
    return comparing;
  }

  public StringProperty comparisonProperty() {
    return comparison;
  }

  public void save(Path file) {
    String text = yaml();
    threads.run(() -> Files.writeString(file, text), written -> savedTo.set(written.toString()),
        e -> failure.set(e.getMessage()));
  }

  /** A rehearsal needs only a valid plan. */
  public BooleanBinding canRehearse() {
    return Bindings.createBooleanBinding(() -> preview.get() != null && !building.get() && validation.valid().get(),
        preview, building, validation.problems());
  }

  /** The real install also needs an offline bundle: the binaries and images the hosts install. */
  public BooleanBinding canInstall() {
    return Bindings.createBooleanBinding(() -> preview.get() != null && bundle.get() != null && bundle.get().found()
        && !building.get() && !locating.get() && validation.valid().get(),
        preview, bundle, building, locating, validation.problems());
  }

  public ObjectProperty<BundleChoice> bundleProperty() {
    return bundle;
  }

  public BooleanProperty locatingProperty() {
    return locating;
  }

  /** Why the bundle cannot install this spec (the verifier's problems, each with its fix); empty when it can. */
  public StringProperty bundleRefusalProperty() {
    return bundleRefusal;
  }

  public ObjectProperty<PlanPreview> previewProperty() {
    return preview;
  }

  public BooleanProperty buildingProperty() {
    return building;
  }

  public StringProperty failureProperty() {
    return failure;
  }

  public StringProperty savedToProperty() {
    return savedTo;
  }

  public StringProperty selectedHostProperty() {
    return selectedHost;
  }

  public ObservableList<String> hosts() {
    return hosts;
  }

  public ObservableList<Step> steps() {
    return steps;
  }
}

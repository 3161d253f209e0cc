package dev.kubeyard.desktop.wizard.review;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.wizard.SpecValidation;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.SpecYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
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

/** The review page: the plan per host before anything runs, and saving cluster.yaml. */
public final class ReviewViewModel {
  private final SpecValidation validation;
  private final Threads threads;
  private final ObjectProperty<PlanPreview> preview = new SimpleObjectProperty<>(this, "preview");
  private final BooleanProperty building = new SimpleBooleanProperty(this, "building");
  private final StringProperty failure = new SimpleStringProperty(this, "failure", "");
  private final StringProperty savedTo = new SimpleStringProperty(this, "savedTo", "");
  private final StringProperty selectedHost = new SimpleStringProperty(this, "selectedHost", "");
  private final ObservableList<String> hosts = FXCollections.observableArrayList();
  private final ObservableList<Step> steps = FXCollections.observableArrayList();
  private final AtomicLong generation = new AtomicLong();

  public ReviewViewModel(SpecValidation validation, Threads threads) {
    this.validation = validation;
    this.threads = threads;
    selectedHost.addListener(o -> showSteps());
  }

  /** Builds the plan of the current spec in the background; an invalid spec has no plan. */
  public void refresh() {
    long mine = generation.incrementAndGet();
    preview.set(null);
    hosts.clear();
    failure.set("");
    if (!validation.valid().get()) {
      return;
    }
    ClusterSpec spec = validation.specProperty().get();
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

  /** Issues the PKI and writes the plan folder (as {@code kubeyard plan}); the review then shows that plan. */
  public void writePlan(Path dir) {
    if (!validation.valid().get()) {
      return;
    }
    long mine = generation.incrementAndGet();
    ClusterSpec spec = validation.specProperty().get();
    building.set(true);
    failure.set("");
    threads.run(() -> PlanPreview.written(spec, dir), p -> {
      if (generation.get() == mine) {
        building.set(false);
        String keep = selectedHost.get();
        preview.set(p);
        hosts.setAll(p.hosts());
        selectedHost.set(hosts.contains(keep) ? keep : hosts.isEmpty() ? "" : hosts.get(0));
        showSteps();
      }
    }, e -> {
      building.set(false);
      failure.set(e.getMessage());
    });
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

  /** The real install also needs the plan folder: the PKI and the files it uploads. */
  public BooleanBinding canInstall() {
    return Bindings.createBooleanBinding(() -> preview.get() != null && preview.get().folder() != null
        && !building.get() && validation.valid().get(), preview, building, validation.problems());
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

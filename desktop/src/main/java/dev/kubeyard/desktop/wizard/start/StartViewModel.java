package dev.kubeyard.desktop.wizard.start;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.wizard.draft.ClusterDraft;
import dev.kubeyard.desktop.wizard.draft.Drafts;
import dev.kubeyard.model.spec.SpecYaml;
import dev.kubeyard.model.validate.Problem;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** How the administrator begins: a new cluster, an existing cluster.yaml, or the local lab. */
public final class StartViewModel {
  /** The three ways to begin. */
  public enum Choice { NEW, OPEN, LAB }

  private final ClusterDraft draft;
  private final Threads threads;
  private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(this, "choice");
  private final StringProperty openedFile = new SimpleStringProperty(this, "openedFile", "");
  private final ObservableList<Problem> readProblems = FXCollections.observableArrayList();

  private final LabLauncher lab;
  private final StringProperty labProgress = new SimpleStringProperty(this, "labProgress", "");
  private final javafx.beans.property.BooleanProperty labRunning =
      new javafx.beans.property.SimpleBooleanProperty(this, "labRunning");

  public StartViewModel(ClusterDraft draft, Threads threads, LabLauncher lab) {
    this.draft = draft;
    this.threads = threads;
    this.lab = lab;
  }

  public void newCluster() {
    draft.load(Drafts.blankSpec(draft.name.get().isBlank() ? "prod" : draft.name.get()));
    readProblems.clear();
    openedFile.set("");
    choice.set(Choice.NEW);
  }

  /** Reads a cluster.yaml in the background; a file that cannot be read shows why, and nothing changes. */
  public void open(Path file) {
    openAs(file, Choice.OPEN);
  }

  private void openAs(Path file, Choice how) {
    threads.run(() -> SpecYaml.read(file), read -> {
      if (read.ok()) {
        draft.load(read.spec());
        readProblems.clear();
        openedFile.set(file.toString());
        choice.set(how);
      } else {
        readProblems.setAll(read.problems());
        openedFile.set("");
      }
    }, e -> readProblems.setAll(List.of(Problem.of(file.toString(), null, "form.unopened", e))));
  }

  /** What this machine lacks for the local lab; empty when "Try it on this machine" can run. */
  public List<String> labMissing() {
    return lab.missing();
  }

  /** Brings the local lab up in the background, then opens the cluster.yaml it wrote (its known_hosts beside it). */
  public void startLab() {
    if (labRunning.get() || !lab.missing().isEmpty()) {
      return;
    }
    labRunning.set(true);
    labProgress.set("");
    threads.run(() -> lab.up(line -> threads.ui().execute(() -> labProgress.set(line))), spec -> {
      labRunning.set(false);
      openAs(spec, Choice.LAB);
    }, e -> {
      labRunning.set(false);
      labProgress.set(e.getMessage());
    });
  }

  public StringProperty labProgressProperty() {
    return labProgress;
  }

  public javafx.beans.property.BooleanProperty labRunningProperty() {
    return labRunning;
  }

  public ObjectProperty<Choice> choiceProperty() {
    return choice;
  }

  public StringProperty openedFileProperty() {
    return openedFile;
  }

  public ObservableList<Problem> readProblems() {
    return readProblems;
  }

  public StringProperty clusterName() {
    return draft.name;
  }

  /** A way to begin has been chosen and its spec is loaded. */
  public BooleanBinding ready() {
    return Bindings.createBooleanBinding(() -> choice.get() == Choice.NEW
        || (choice.get() != null && !openedFile.get().isEmpty()), choice, openedFile);
  }
}

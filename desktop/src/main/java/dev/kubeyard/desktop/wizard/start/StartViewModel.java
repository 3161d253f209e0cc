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

  public StartViewModel(ClusterDraft draft, Threads threads) {
    this.draft = draft;
    this.threads = threads;
  }

  public void newCluster() {
    draft.load(Drafts.blankSpec(draft.name.get().isBlank() ? "prod" : draft.name.get()));
    readProblems.clear();
    openedFile.set("");
    choice.set(Choice.NEW);
  }

  /** Reads a cluster.yaml in the background; a file that cannot be read shows why, and nothing changes. */
  public void open(Path file) {
    threads.run(() -> SpecYaml.read(file), read -> {
      if (read.ok()) {
        draft.load(read.spec());
        readProblems.clear();
        openedFile.set(file.toString());
        choice.set(Choice.OPEN);
      } else {
        readProblems.setAll(read.problems());
        openedFile.set("");
      }
    }, e -> readProblems.setAll(List.of(new Problem(file.toString(), null, e.toString(), "choose another file"))));
  }

  /**
   * The local lab ("kubeyard lab up") writes its own cluster.yaml. It is built on the lab branch and
   * not on main yet, so this option is offered but cannot be chosen.
   */
  public boolean labAvailable() {
    return false;
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
        || (choice.get() == Choice.OPEN && !openedFile.get().isEmpty()), choice, openedFile);
  }
}

package dev.kubeyard.desktop.wizard;

import dev.kubeyard.desktop.fx.ProblemText;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.model.validate.Problem;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** Every problem of the spec, each with its page; clicking one opens that page. */
final class ProblemListView {
  private final VBox box = new VBox(6);

  ProblemListView(WizardViewModel vm, I18n i18n) {
    Label title = new Label();
    title.getStyleClass().add("problems-title");
    title.textProperty().bind(i18n.format("wizard.problems.title", Bindings.size(vm.validation().problems())));
    ListView<Problem> list = new ListView<>(vm.validation().problems());
    list.setId("problem-summary");
    list.getStyleClass().add("problem-list");
    list.setPrefHeight(118);
    list.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(Problem p, boolean empty) {
        super.updateItem(p, empty);
        setText(empty || p == null ? null
            : "[" + i18n.get(WizardStep.of(p).titleKey()) + "]  " + ProblemText.withPath(p, i18n));
      }
    });
    i18n.languageProperty().addListener(o -> list.refresh());
    list.setOnMouseClicked(e -> {
      Problem p = list.getSelectionModel().getSelectedItem();
      if (p != null) {
        vm.goTo(WizardStep.of(p));
      }
    });
    box.getStyleClass().add("problems-box");
    box.getChildren().addAll(title, list);
    box.visibleProperty().bind(Bindings.isNotEmpty(vm.validation().problems())
        .and(vm.currentProperty().isNotEqualTo(WizardStep.START)));
    box.managedProperty().bind(box.visibleProperty());
  }

  Node node() {
    return box;
  }
}

package dev.kubeyard.desktop.wizard;

import dev.kubeyard.desktop.i18n.I18n;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The list of steps on the left: where the administrator is, what is reached, how many problems each has. */
final class WizardStepsView {
  private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
  private static final PseudoClass REACHED = PseudoClass.getPseudoClass("reached");
  private final VBox box = new VBox(2);

  WizardStepsView(WizardViewModel vm, I18n i18n) {
    box.getStyleClass().add("wizard-steps");
    Label brand = new Label();
    brand.textProperty().bind(i18n.text("wizard.steps.title"));
    brand.getStyleClass().add("steps-title");
    box.getChildren().add(brand);
    for (WizardStep step : WizardStep.values()) {
      Label number = new Label(String.valueOf(step.ordinal() + 1));
      number.getStyleClass().add("step-number");
      Label title = new Label();
      title.textProperty().bind(i18n.text(step.titleKey()));
      title.getStyleClass().add("step-title");
      Label badge = new Label();
      badge.getStyleClass().add("step-badge");
      badge.textProperty().bind(Bindings.size(vm.problemsOf(step)).asString());
      badge.visibleProperty().bind(Bindings.isNotEmpty(vm.problemsOf(step))
          .and(vm.furthestProperty().isNotEqualTo(WizardStep.START)));
      badge.managedProperty().bind(badge.visibleProperty());
      title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      HBox row = new HBox(10, number, title, gap, badge);
      row.setAlignment(Pos.CENTER_LEFT);
      row.getStyleClass().add("step-row");
      row.setId("step-" + step.id());
      Runnable paint = () -> {
        row.pseudoClassStateChanged(CURRENT, vm.currentProperty().get() == step);
        row.pseudoClassStateChanged(REACHED, step.ordinal() <= vm.furthestProperty().get().ordinal());
      };
      vm.currentProperty().addListener(o -> paint.run());
      vm.furthestProperty().addListener(o -> paint.run());
      paint.run();
      row.setOnMouseClicked(e -> vm.goTo(step));
      box.getChildren().add(row);
    }
  }

  Node node() {
    return box;
  }
}

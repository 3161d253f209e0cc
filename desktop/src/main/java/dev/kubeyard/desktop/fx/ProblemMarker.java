package dev.kubeyard.desktop.fx;

import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.model.validate.Problem;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** Shows a field's problems right under it and paints the field red while it has any. */
public final class ProblemMarker {
  /** atlantafx's state for a text input that holds a wrong value. */
  public static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

  private ProblemMarker() {}

  public static Label attach(Node field, ObservableList<Problem> problems, I18n i18n) {
    Label message = new Label();
    message.getStyleClass().add("field-problem");
    message.setWrapText(true);
    message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    message.textProperty().bind(ProblemText.lines(problems, i18n, ProblemText::inline));
    message.visibleProperty().bind(Bindings.isNotEmpty(problems));
    message.managedProperty().bind(message.visibleProperty());
    field.pseudoClassStateChanged(DANGER, !problems.isEmpty());
    problems.addListener((ListChangeListener<Problem>) c -> field.pseudoClassStateChanged(DANGER, !problems.isEmpty()));
    // keep the filtered list alive as long as the field is
    field.getProperties().put(ProblemMarker.class, problems);
    return message;
  }

  /** A node id for a spec path: {@code hosts[2].address} becomes {@code hosts-2-address}. */
  public static String idOf(String path) {
    return path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
  }
}

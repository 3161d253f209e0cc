package dev.kubeyard.desktop.fx;

import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.wizard.SpecValidation;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A two-column form: a label, then the field with its problems right below it. Every field names
 * the spec path it edits, so the model's problems land on it.
 */
public final class FormGrid {
  private final GridPane grid = new GridPane();
  private final I18n i18n;
  private final SpecValidation validation;
  private int row;

  public FormGrid(I18n i18n, SpecValidation validation) {
    this(i18n, validation, 190);
  }

  /** A form whose label column is {@code labelWidth} wide (narrow cards use less than the default 190). */
  public FormGrid(I18n i18n, SpecValidation validation, double labelWidth) {
    this.i18n = i18n;
    this.validation = validation;
    grid.getStyleClass().add("form-grid");
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(labelWidth);
    labels.setPrefWidth(labelWidth);
    labels.setHalignment(HPos.LEFT);
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    fields.setFillWidth(true);
    grid.getColumnConstraints().addAll(labels, fields);
  }

  /** A field for a fixed spec path; its node id is {@code field-<path>}. */
  public <T extends Region> T field(String labelKey, T control, String path) {
    control.setId("field-" + ProblemMarker.idOf(path));
    return field(labelKey, control, new ReadOnlyStringWrapper(path));
  }

  /** A field whose spec path moves (e.g. with the selected host). */
  public <T extends Region> T field(String labelKey, T control, ObservableValue<String> path) {
    Label label = Ui.label(i18n, labelKey);
    label.setLabelFor(control);
    label.getStyleClass().add("form-label");
    Label problem = ProblemMarker.attach(control, validation.at(path), i18n);
    problem.idProperty().bind(path.map(p -> "problem-" + ProblemMarker.idOf(p)));
    control.setMaxWidth(Double.MAX_VALUE);
    VBox cell = new VBox(4, control, problem);
    grid.add(label, 0, row);
    grid.add(cell, 1, row);
    GridPane.setValignment(label, javafx.geometry.VPos.TOP);
    row++;
    return control;
  }

  /** A row without a spec path: a label and any node. */
  public void row(String labelKey, Node node) {
    Label label = Ui.label(i18n, labelKey);
    label.getStyleClass().add("form-label");
    grid.add(label, 0, row);
    grid.add(node, 1, row);
    row++;
  }

  /** A line of help text across both columns. */
  public void hint(String key) {
    Label hint = Ui.hint(i18n, key);
    grid.add(hint, 0, row, 2, 1);
    row++;
  }

  public GridPane node() {
    return grid;
  }
}

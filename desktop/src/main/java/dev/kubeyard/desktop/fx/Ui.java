package dev.kubeyard.desktop.fx;

import dev.kubeyard.desktop.i18n.I18n;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Small factories for controls whose text follows the UI language. */
public final class Ui {
  private Ui() {}

  public static Label label(I18n i18n, String key, Object... args) {
    Label l = new Label();
    l.textProperty().bind(i18n.text(key, args));
    return l;
  }

  public static Label title(I18n i18n, String key) {
    Label l = label(i18n, key);
    l.getStyleClass().add("page-title");
    return l;
  }

  public static Label hint(I18n i18n, String key, Object... args) {
    Label l = label(i18n, key, args);
    l.getStyleClass().add("hint");
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE); // a wrapped label must not be squeezed to one clipped line
    return l;
  }

  public static Button button(I18n i18n, String key) {
    Button b = new Button();
    b.textProperty().bind(i18n.text(key));
    return b;
  }

  public static CheckBox checkBox(I18n i18n, String key) {
    CheckBox c = new CheckBox();
    c.textProperty().bind(i18n.text(key));
    return c;
  }

  public static TextField text(javafx.beans.property.StringProperty bound) {
    TextField t = new TextField();
    t.textProperty().bindBidirectional(bound);
    return t;
  }

  public static Tooltip tooltip(I18n i18n, String key) {
    Tooltip t = new Tooltip();
    t.textProperty().bind(i18n.text(key));
    t.setWrapText(true);
    t.setMaxWidth(420);
    return t;
  }

  public static Region grow() {
    Region r = new Region();
    javafx.scene.layout.HBox.setHgrow(r, Priority.ALWAYS);
    VBox.setVgrow(r, Priority.ALWAYS);
    return r;
  }

  /** A table column whose title follows the language and whose cells show {@code value} of the row. */
  public static <T> javafx.scene.control.TableColumn<T, String> column(I18n i18n, String key,
      java.util.function.Function<T, String> value) {
    javafx.scene.control.TableColumn<T, String> c = new javafx.scene.control.TableColumn<>();
    c.textProperty().bind(i18n.text(key));
    c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
    return c;
  }

  /** A titled white card that groups a part of a page. */
  public static VBox card(I18n i18n, String titleKey, javafx.scene.Node... content) {
    VBox card = new VBox(10);
    card.getStyleClass().add("card-box");
    if (titleKey != null) {
      Label t = label(i18n, titleKey);
      t.getStyleClass().add("card-title");
      card.getChildren().add(t);
    }
    card.getChildren().addAll(content);
    return card;
  }

  /** A button enabled while {@code enabled} holds; {@code action} on click. */
  public static Button action(I18n i18n, String id, String key, javafx.beans.value.ObservableBooleanValue enabled,
      Runnable action) {
    Button b = button(i18n, key);
    b.setId(id);
    b.setMinWidth(Region.USE_PREF_SIZE);
    b.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !enabled.get(), enabled));
    b.setOnAction(e -> action.run());
    return b;
  }

  /**
   * A message box shown only while {@code message} is set: {@code key} formats the message and its
   * hint (a dash when there is none). It stays until the view model clears it.
   */
  public static Label messageBox(I18n i18n, String id, String key, javafx.beans.property.StringProperty message,
      javafx.beans.property.StringProperty hint) {
    Label l = new Label();
    l.setId(id);
    l.setWrapText(true);
    l.setMaxWidth(Double.MAX_VALUE);
    l.setMinHeight(Region.USE_PREF_SIZE);
    l.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> message.get().isEmpty() ? ""
        : i18n.get(key, message.get(), hint.get().isEmpty() ? "—" : hint.get()), message, hint,
        i18n.languageProperty()));
    l.visibleProperty().bind(message.isNotEmpty());
    l.managedProperty().bind(l.visibleProperty());
    return l;
  }
}

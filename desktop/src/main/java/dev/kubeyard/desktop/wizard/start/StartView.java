package dev.kubeyard.desktop.wizard.start;

import dev.kubeyard.desktop.DesktopContext;
import dev.kubeyard.desktop.fx.FileDialogs;
import dev.kubeyard.desktop.fx.FormGrid;
import dev.kubeyard.desktop.fx.ProblemText;
import dev.kubeyard.desktop.fx.Ui;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.wizard.PageView;
import dev.kubeyard.desktop.wizard.SpecValidation;
import dev.kubeyard.desktop.wizard.start.StartViewModel.Choice;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The start page: three ways to begin, plus managing a cluster that already runs. */
public final class StartView implements PageView {
  private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
  private final VBox root = new VBox(18);
  private final StartViewModel vm;
  private final I18n i18n;

  public StartView(StartViewModel vm, SpecValidation validation, DesktopContext ctx, Consumer<Path> manage) {
    this.vm = vm;
    this.i18n = ctx.i18n();
    root.getStyleClass().add("page");

    Button create = Ui.button(i18n, "start.new.action");
    create.setId("start-new");
    create.getStyleClass().add("accent");
    create.setOnAction(e -> vm.newCluster());
    Button open = Ui.button(i18n, "start.open.action");
    open.setId("start-open");
    open.setOnAction(e -> ctx.dialogs().open(FileDialogs.Kind.CLUSTER_YAML).ifPresent(vm::open));
    Label opened = new Label();
    opened.getStyleClass().add("hint");
    opened.textProperty().bind(Bindings.createStringBinding(() -> vm.openedFileProperty().get().isEmpty() ? ""
        : i18n.get("start.open.loaded", vm.openedFileProperty().get()), vm.openedFileProperty(), i18n.languageProperty()));
    Button lab = Ui.button(i18n, "start.lab.action");
    lab.setId("start-lab");
    java.util.List<String> missing = vm.labMissing();
    lab.disableProperty().bind(vm.labRunningProperty().or(Bindings.createBooleanBinding(() -> !missing.isEmpty())));
    lab.setOnAction(e -> vm.startLab());
    Label labNote = new Label();
    labNote.setId("start-lab-note");
    labNote.setWrapText(true);
    labNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    labNote.getStyleClass().add(missing.isEmpty() ? "hint" : "warning-text");
    labNote.textProperty().bind(Bindings.createStringBinding(() -> !missing.isEmpty()
        ? i18n.get("start.lab.missing", String.join(", ", missing))
        : vm.labProgressProperty().get().isEmpty()
            ? i18n.get(vm.labRunningProperty().get() ? "start.lab.starting" : "start.lab.ready")
            : vm.labProgressProperty().get(),
        vm.labProgressProperty(), vm.labRunningProperty(), i18n.languageProperty()));

    HBox choices = new HBox(14,
        choice(Choice.NEW, "start.new.title", "start.new.about", create),
        choice(Choice.OPEN, "start.open.title", "start.open.about", open, opened),
        choice(Choice.LAB, "start.lab.title", "start.lab.about", lab, labNote));

    FormGrid form = new FormGrid(i18n, validation);
    form.field("start.clusterName", Ui.text(vm.clusterName()), "metadata.name");
    form.hint("start.clusterName.hint");
    VBox name = Ui.card(i18n, "start.cluster.title", form.node());
    name.visibleProperty().bind(vm.ready());
    name.managedProperty().bind(name.visibleProperty());

    Label readProblems = new Label();
    readProblems.setId("start-read-problems");
    readProblems.getStyleClass().add("field-problem");
    readProblems.setWrapText(true);
    readProblems.textProperty().bind(ProblemText.lines(vm.readProblems(), i18n, ProblemText::withPath));
    readProblems.visibleProperty().bind(Bindings.isNotEmpty(vm.readProblems()));
    readProblems.managedProperty().bind(readProblems.visibleProperty());

    Button kubeconfig = Ui.button(i18n, "start.manage.action");
    kubeconfig.setId("start-kubeconfig");
    kubeconfig.setOnAction(e -> ctx.dialogs().open(FileDialogs.Kind.KUBECONFIG).ifPresent(manage));
    HBox manageRow = new HBox(14, Ui.hint(i18n, "start.manage.about"), Ui.grow(), kubeconfig);
    manageRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    VBox manageCard = Ui.card(i18n, "start.manage.title", manageRow);

    root.getChildren().addAll(choices, readProblems, name, manageCard);
  }

  private Node choice(Choice which, String titleKey, String aboutKey, Node... actions) {
    Label title = Ui.label(i18n, titleKey);
    title.getStyleClass().add("choice-title");
    Label about = Ui.hint(i18n, aboutKey);
    VBox actionBox = new VBox(6, actions);
    VBox card = new VBox(10, title, about, Ui.grow(), actionBox);
    card.getStyleClass().addAll("card-box", "choice-card");
    card.setPrefWidth(260);
    HBox.setHgrow(card, Priority.ALWAYS);
    card.setMaxWidth(Double.MAX_VALUE);
    vm.choiceProperty().addListener((o, old, now) -> card.pseudoClassStateChanged(SELECTED, now == which));
    return card;
  }

  @Override
  public Node node() {
    return root;
  }
}

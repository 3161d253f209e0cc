package dev.kubeyard.desktop.wizard.hosts;

import dev.kubeyard.desktop.DesktopContext;
import dev.kubeyard.desktop.fx.FileDialogs;
import dev.kubeyard.desktop.fx.ProblemMarker;
import dev.kubeyard.desktop.fx.Ui;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.wizard.PageView;
import dev.kubeyard.desktop.wizard.SpecValidation;
import dev.kubeyard.desktop.wizard.draft.HostDraft;
import dev.kubeyard.model.spec.OsFamily;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The hosts page: a table of hosts on the left, the selected host's editor on the right. */
public final class HostsView implements PageView {
  private final VBox root = new VBox(12);
  private final HostsViewModel vm;
  private final I18n i18n;
  private final TableView<HostDraft> table;

  public HostsView(HostsViewModel vm, SpecValidation validation, DesktopContext ctx) {
    this.vm = vm;
    this.i18n = ctx.i18n();
    root.getStyleClass().add("page");
    table = table();
    Label listProblems = ProblemMarker.attach(table, vm.listProblems(), i18n);
    listProblems.setId("problem-hosts");
    HostEditor editor = new HostEditor(vm, validation, i18n);
    VBox tableBox = new VBox(8, table, listProblems, importResult());
    HBox.setHgrow(tableBox, Priority.ALWAYS);
    VBox.setVgrow(table, Priority.ALWAYS);
    HBox body = new HBox(16, tableBox, editor.node());
    // the connection test's answer (and a new host's key to accept) right under its button
    root.getChildren().addAll(toolbar(ctx), new ConnectionView(vm, i18n).node(), body);
    validation.problems().addListener((ListChangeListener<Object>) c -> table.refresh());
  }

  private Node toolbar(DesktopContext ctx) {
    Button add = Ui.button(i18n, "hosts.add");
    add.setId("hosts-add");
    add.setOnAction(e -> vm.addHost());
    Button remove = Ui.button(i18n, "hosts.remove");
    remove.setId("hosts-remove");
    remove.disableProperty().bind(vm.selectedProperty().lessThan(0));
    remove.setOnAction(e -> vm.removeSelected());
    Button importCsv = Ui.button(i18n, "hosts.import");
    importCsv.setId("hosts-import");
    importCsv.setOnAction(e -> ctx.dialogs().open(FileDialogs.Kind.HOSTS_CSV).ifPresent(vm::importFile));
    Button test = Ui.button(i18n, "hosts.testConnection");
    test.setId("hosts-test-connection");
    test.disableProperty().bind(vm.selectedHost().isNull().or(vm.connectionTest().runningProperty()));
    test.setOnAction(e -> vm.testConnection());
    HBox bar = new HBox(8, add, remove, importCsv, Ui.grow(), test);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private TableView<HostDraft> table() {
    TableView<HostDraft> t = new TableView<>(vm.hosts());
    t.setId("hosts-table");
    t.setPrefHeight(330);
    t.setMinWidth(300);
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    t.getColumns().add(column("hosts.column.name", 80, h -> h.name.get()));
    t.getColumns().add(column("hosts.column.address", 105, h -> h.address.get()));
    t.getColumns().add(column("hosts.column.os", 72, h -> i18n.get(h.os.get() == OsFamily.WINDOWS ? "os.windows" : "os.linux")));
    t.getColumns().add(column("hosts.column.roles", 96, h -> h.roles().stream().map(r -> r.yamlName()).collect(Collectors.joining(", "))));
    t.getColumns().add(column("hosts.column.ssh", 84, h -> h.sshUser.get() + " :" + h.sshPort.get()));
    t.setRowFactory(tv -> new TableRow<>() {
      @Override
      protected void updateItem(HostDraft item, boolean empty) {
        super.updateItem(item, empty);
        pseudoClassStateChanged(ProblemMarker.DANGER, !empty && item != null && !vm.problemsOfRow(getIndex()).isEmpty());
      }
    });
    Label empty = Ui.hint(i18n, "hosts.empty");
    t.setPlaceholder(empty);
    // the view model owns the selection: a row click moves it; the table's transient "no selection"
    // while a row's content changes must not unbind the editor from the host being typed into
    t.getSelectionModel().selectedIndexProperty().addListener((o, old, now) -> {
      if (now.intValue() >= 0) {
        vm.selectedProperty().set(now.intValue());
      }
    });
    vm.selectedProperty().addListener((o, old, now) -> {
      if (t.getSelectionModel().getSelectedIndex() != now.intValue()) {
        t.getSelectionModel().select(now.intValue());
      }
    });
    i18n.languageProperty().addListener(o -> t.refresh());
    return t;
  }

  private TableColumn<HostDraft, String> column(String key, double width,
      java.util.function.Function<HostDraft, String> value) {
    TableColumn<HostDraft, String> c = new TableColumn<>();
    c.setPrefWidth(width);
    c.textProperty().bind(i18n.text(key));
    c.setCellValueFactory(cell -> Bindings.createStringBinding(() -> value.apply(cell.getValue()),
        cell.getValue().observables()));
    c.setSortable(false);
    return c;
  }

  private Node importResult() {
    Label result = new Label();
    result.setId("hosts-import-result");
    result.setWrapText(true);
    result.textProperty().bind(Bindings.createStringBinding(() -> {
      if (vm.importSummaryProperty().get().isEmpty()) {
        return "";
      }
      String head = i18n.get("hosts.imported", vm.importSummaryProperty().get());
      return vm.importErrors().isEmpty() ? head : head + "\n" + String.join("\n", vm.importErrors());
    }, vm.importSummaryProperty(), vm.importErrors(), i18n.languageProperty()));
    result.getStyleClass().add("hint");
    return result;
  }

  @Override
  public Node node() {
    return root;
  }
}

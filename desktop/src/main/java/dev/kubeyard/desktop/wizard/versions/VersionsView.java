package dev.kubeyard.desktop.wizard.versions;

import dev.kubeyard.desktop.DesktopContext;
import dev.kubeyard.desktop.fx.FileDialogs;
import dev.kubeyard.desktop.fx.FormGrid;
import dev.kubeyard.desktop.fx.Ui;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.wizard.PageView;
import dev.kubeyard.desktop.wizard.SpecValidation;
import dev.kubeyard.desktop.wizard.versions.VersionsViewModel.Line;
import dev.kubeyard.engine.bundle.verify.BundleVerifier;
import dev.kubeyard.model.spec.ContainerRuntime;
import dev.kubeyard.model.version.SupportedLines;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The versions page: which Kubernetes line, which runtime, which offline bundle. */
public final class VersionsView implements PageView {
  private final VBox root = new VBox(16);

  public VersionsView(VersionsViewModel vm, SpecValidation validation, DesktopContext ctx) {
    I18n i18n = ctx.i18n();
    root.getStyleClass().add("page");
    ToggleGroup lines = new ToggleGroup();
    RadioButton legacy = new RadioButton();
    legacy.setId("versions-legacy");
    legacy.textProperty().bind(i18n.text("versions.legacy", SupportedLines.LEGACY));
    RadioButton current = new RadioButton();
    current.setId("versions-current");
    current.textProperty().bind(i18n.text("versions.current", SupportedLines.CURRENT));
    legacy.setToggleGroup(lines);
    current.setToggleGroup(lines);
    Runnable follow = () -> {
      legacy.setSelected(vm.line().get() == Line.LEGACY);
      current.setSelected(vm.line().get() == Line.CURRENT);
    };
    vm.line().addListener(o -> follow.run());
    follow.run();
    legacy.setOnAction(e -> vm.choose(Line.LEGACY));
    current.setOnAction(e -> vm.choose(Line.CURRENT));

    FormGrid form = new FormGrid(i18n, validation);
    form.field("versions.version", Ui.text(vm.kubernetes().version), "kubernetes.version");
    ComboBox<ContainerRuntime> runtime = new ComboBox<>(FXCollections.observableArrayList(ContainerRuntime.values()));
    runtime.valueProperty().bindBidirectional(vm.kubernetes().runtime);
    runtime.setConverter(new javafx.util.StringConverter<>() {
      @Override
      public String toString(ContainerRuntime r) {
        return r == null ? "" : r.yamlName(); // as written in cluster.yaml
      }

      @Override
      public ContainerRuntime fromString(String s) {
        return ContainerRuntime.parse(s);
      }
    });
    form.field("versions.runtime", runtime, "kubernetes.containerRuntime");
    form.hint("versions.runtime.hint");
    VBox k8s = Ui.card(i18n, "versions.kubernetes.title", new VBox(8, legacy, current), form.node());

    TextField bundle = Ui.text(vm.bundlePath());
    bundle.setId("versions-bundle");
    bundle.setPromptText("/srv/kubeyard-bundle (the folder holding manifest.json)");
    HBox.setHgrow(bundle, Priority.ALWAYS);
    Button choose = Ui.button(i18n, "versions.bundle.choose");
    choose.setOnAction(e -> ctx.dialogs().open(FileDialogs.Kind.BUNDLE).ifPresent(p -> vm.bundlePath().set(p.toString())));
    Button verify = Ui.button(i18n, "versions.bundle.verify");
    verify.setId("versions-bundle-verify");
    verify.disableProperty().bind(vm.bundlePath().isEmpty().or(vm.verifyingProperty()));
    verify.setOnAction(e -> vm.verifyBundle());
    HBox bundleRow = new HBox(8, bundle, choose, verify);
    bundleRow.setAlignment(Pos.CENTER_LEFT);
    Label report = new Label();
    report.setId("versions-bundle-report");
    report.setWrapText(true);
    report.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    report.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
      BundleVerifier.Report r = vm.bundleReportProperty().get();
      if (r == null) {
        return vm.verifyingProperty().get() ? i18n.get("versions.bundle.verifying") : "";
      }
      if (r.ok()) {
        return i18n.get("versions.bundle.ok", r.manifest().kubernetesVersion(), r.manifest().files().size(),
            r.manifest().images().size());
      }
      return i18n.get("versions.bundle.problems", r.problems().size()) + "\n" + r.problems().stream()
          .limit(12).map(p -> "•  " + p).collect(java.util.stream.Collectors.joining("\n"))
          + (r.problems().size() > 12 ? "\n…" : "");
    }, vm.bundleReportProperty(), vm.verifyingProperty(), i18n.languageProperty()));
    vm.bundleReportProperty().addListener((o, old, r) -> {
      report.getStyleClass().removeAll("success-text", "field-problem");
      if (r != null) {
        report.getStyleClass().add(r.ok() ? "success-text" : "field-problem");
      }
    });
    VBox bundleCard = Ui.card(i18n, "versions.bundle.title", Ui.hint(i18n, "versions.bundle.about"), bundleRow, report);

    root.getChildren().addAll(k8s, bundleCard);
  }

  @Override
  public Node node() {
    return root;
  }
}

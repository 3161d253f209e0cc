package dev.kubeyard.desktop.wizard.review;

import dev.kubeyard.desktop.DesktopContext;
import dev.kubeyard.desktop.fx.FileDialogs;
import dev.kubeyard.desktop.fx.Ui;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.topology.TopologyView;
import dev.kubeyard.desktop.wizard.PageView;
import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.plan.Step;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The review page: the plan per host (files and steps), plan.txt, and cluster.yaml to save. */
public final class ReviewView implements PageView {
  private final VBox root = new VBox(12);
  private final ReviewViewModel vm;
  private final I18n i18n;
  private final TreeView<String> steps = new TreeView<>(new TreeItem<>());

  public ReviewView(ReviewViewModel vm, DesktopContext ctx) {
    this.vm = vm;
    this.i18n = ctx.i18n();
    root.getStyleClass().add("page");

    Label summary = new Label();
    summary.setId("review-summary");
    summary.getStyleClass().add("card-title");
    summary.textProperty().bind(Bindings.createStringBinding(() -> {
      PlanPreview p = vm.previewProperty().get();
      return p == null ? i18n.get(vm.buildingProperty().get() ? "review.building" : "review.noPlan")
          : i18n.get("review.summary", p.hosts().size(), p.plan().steps().size(), p.files(),
              p.plan().kubernetesVersion());
    }, vm.previewProperty(), vm.buildingProperty(), i18n.languageProperty()));
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(18, 18);
    spinner.visibleProperty().bind(vm.buildingProperty());
    spinner.managedProperty().bind(spinner.visibleProperty());
    Button save = Ui.button(i18n, "review.save");
    save.setId("review-save");
    save.disableProperty().bind(vm.previewProperty().isNull());
    save.setOnAction(e -> ctx.dialogs().save(FileDialogs.Kind.CLUSTER_YAML, "cluster.yaml").ifPresent(vm::save));
    Label saved = new Label();
    saved.setId("review-saved");
    saved.getStyleClass().add("success-text");
    saved.textProperty().bind(Bindings.createStringBinding(() -> vm.savedToProperty().get().isEmpty() ? ""
        : i18n.get("review.saved", vm.savedToProperty().get()), vm.savedToProperty(), i18n.languageProperty()));
    Button writePlan = Ui.button(i18n, "review.writePlan");
    writePlan.setId("review-write-plan");
    writePlan.disableProperty().bind(vm.previewProperty().isNull().or(vm.buildingProperty()));
    writePlan.setOnAction(e -> ctx.dialogs().open(FileDialogs.Kind.PLAN_FOLDER).ifPresent(vm::writePlan));
    HBox head = new HBox(10, spinner, summary, Ui.grow(), saved, writePlan, save);
    head.setAlignment(Pos.CENTER_LEFT);

    Label failure = new Label();
    failure.getStyleClass().add("field-problem");
    failure.textProperty().bind(vm.failureProperty());
    failure.visibleProperty().bind(vm.failureProperty().isNotEmpty());
    failure.managedProperty().bind(failure.visibleProperty());

    TabPane tabs = new TabPane(perHost(), topology(), planText(), yaml(), comparison());
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.setPrefHeight(430);
    VBox.setVgrow(tabs, Priority.ALWAYS);
    Label certificates = new Label();
    certificates.setId("review-certificates");
    certificates.getStyleClass().add("hint");
    certificates.setWrapText(true);
    certificates.textProperty().bind(Bindings.createStringBinding(() -> {
      PlanPreview p = vm.previewProperty().get();
      return p == null || p.folder() == null ? i18n.get("review.certificates") : i18n.get("review.written", p.folder());
    }, vm.previewProperty(), i18n.languageProperty()));
    Label installHint = Ui.hint(i18n, "review.installHint");
    Label ingressSupport = new Label();
    ingressSupport.setId("review-ingress-support");
    ingressSupport.getStyleClass().add("warning-text");
    ingressSupport.setWrapText(true);
    ingressSupport.textProperty().bind(Bindings.createStringBinding(() -> {
      PlanPreview p = vm.previewProperty().get();
      if (p == null) {
        return "";
      }
      var s = p.ingressSupport();
      return i18n.get("review.ingressSupport", s.version(), s.securitySupportEnded().toString());
    }, vm.previewProperty(), i18n.languageProperty()));
    root.getChildren().addAll(head, failure, bundle(ctx), tabs, certificates, ingressSupport, installHint);
  }

  /** Which offline bundle Install uses (or that there is none, and how to get one), and why it was refused. */
  private Node bundle(DesktopContext ctx) {
    Label which = new Label();
    which.setId("review-bundle");
    which.setWrapText(true);
    which.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    which.textProperty().bind(Bindings.createStringBinding(() -> {
      BundleChoice b = vm.bundleProperty().get();
      if (vm.locatingProperty().get()) {
        return i18n.get("review.bundle.locating");
      } else if (b == null) {
        return "";
      } else if (b.unreadable() != null) {
        return i18n.get("review.bundle.unreadable", b.unreadable());
      } else if (!b.found()) {
        return i18n.get("review.bundle.none", b.wantedVersion());
      } else if (!b.kubernetesVersion().equals(b.wantedVersion())) {
        return i18n.get("review.bundle.otherVersion", b.folder(), b.kubernetesVersion(), b.wantedVersion());
      }
      return i18n.get("review.bundle.found", b.folder(), b.kubernetesVersion());
    }, vm.bundleProperty(), vm.locatingProperty(), i18n.languageProperty()));
    vm.bundleProperty().addListener((o, old, b) -> {
      boolean usable = b != null && b.found() && b.kubernetesVersion().equals(b.wantedVersion());
      which.getStyleClass().removeAll("warning-text", "hint");
      which.getStyleClass().add(b == null || usable ? "hint" : "warning-text");
    });
    Button choose = Ui.button(i18n, "review.bundle.choose");
    choose.setId("review-bundle-choose");
    choose.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    choose.disableProperty().bind(vm.buildingProperty());
    choose.setOnAction(e -> ctx.dialogs().open(FileDialogs.Kind.BUNDLE).ifPresent(vm::chooseBundle));
    HBox row = new HBox(10, which, Ui.grow(), choose);
    row.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(which, Priority.SOMETIMES);
    Label refused = new Label();
    refused.setId("review-bundle-refused");
    refused.getStyleClass().add("field-problem");
    refused.setWrapText(true);
    refused.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    refused.textProperty().bind(Bindings.createStringBinding(() -> vm.bundleRefusalProperty().get().isEmpty() ? ""
        : i18n.get("review.bundle.refused", vm.bundleRefusalProperty().get()), vm.bundleRefusalProperty(), i18n.languageProperty()));
    refused.visibleProperty().bind(vm.bundleRefusalProperty().isNotEmpty());
    refused.managedProperty().bind(refused.visibleProperty());
    return Ui.card(i18n, "review.bundle.title", row, refused);
  }

  private Tab perHost() {
    ListView<String> hosts = new ListView<>(vm.hosts());
    hosts.setId("review-hosts");
    hosts.setPrefWidth(220);
    hosts.setMinWidth(180);
    hosts.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
      @Override
      protected void updateItem(String host, boolean empty) {
        super.updateItem(host, empty);
        PlanPreview p = vm.previewProperty().get();
        setText(empty || host == null || p == null ? null
            : i18n.get("review.hostLine", host, p.stepsOf(host).size(), p.filesOf(host)));
      }
    });
    hosts.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
      if (now != null) {
        vm.selectedHostProperty().set(now);
      }
    });
    vm.hosts().addListener((ListChangeListener<String>) c -> hosts.getSelectionModel().select(vm.selectedHostProperty().get()));
    steps.setId("review-steps");
    steps.setShowRoot(false);
    vm.steps().addListener((ListChangeListener<Step>) c -> fillSteps());
    i18n.languageProperty().addListener(o -> {
      hosts.refresh();
      fillSteps();
    });
    HBox.setHgrow(steps, Priority.ALWAYS);
    HBox box = new HBox(10, hosts, steps);
    box.setPadding(new javafx.geometry.Insets(10, 0, 0, 0));
    Tab tab = new Tab();
    tab.textProperty().bind(i18n.text("review.tab.hosts"));
    tab.setContent(box);
    return tab;
  }

  private void fillSteps() {
    TreeItem<String> root = steps.getRoot();
    root.getChildren().clear();
    int n = 1;
    for (Step s : vm.steps()) {
      TreeItem<String> step = new TreeItem<>(n++ + ".  " + s.title() + "   (" + s.id() + ")");
      step.getChildren().add(new TreeItem<>(i18n.get("review.check", s.check())));
      for (Action a : s.apply()) {
        step.getChildren().add(new TreeItem<>(a.describe()));
      }
      if (s.verify() != null) {
        step.getChildren().add(new TreeItem<>(i18n.get("review.verify", s.verify())));
      }
      step.setExpanded(n <= 2);
      root.getChildren().add(step);
    }
  }

  /** The picture topology.svg holds: the hosts by role, the VIP, haproxy's paths, etcd, networks, apps. */
  private Tab topology() {
    TopologyView picture = new TopologyView(Bindings.createObjectBinding(
        () -> vm.previewProperty().get() == null ? null : vm.previewProperty().get().topology(), vm.previewProperty()),
        "review-topology");
    Tab tab = new Tab();
    tab.textProperty().bind(i18n.text("review.tab.topology"));
    tab.setContent(picture.node());
    return tab;
  }

  private Tab planText() {
    TextArea text = new TextArea();
    text.setId("review-plan-text");
    text.setEditable(false);
    text.getStyleClass().add("monospace");
    Tab tab = new Tab("plan.txt", text);
    whileSelected(tab, text, () -> vm.previewProperty().get() == null ? "" : vm.previewProperty().get().text());
    return tab;
  }

  /**
   * Fills a large text only while its tab is selected: the plan written for Install replaces the
   * preview just as the install starts, and laying out plan.txt and emitting cluster.yaml then cost the
   * FX thread about 100 ms in the middle of the switch to the install page.
   */
  private void whileSelected(Tab tab, TextArea text, java.util.function.Supplier<String> content) {
    Runnable fill = () -> {
      if (tab.isSelected()) {
        text.setText(content.get());
      }
    };
    vm.previewProperty().addListener((o, old, now) -> fill.run());
    tab.selectedProperty().addListener((o, was, now) -> fill.run());
  }

  /** What Install would change on the hosts ('kubeyard diff'): asked over SSH, read only, on demand. */
  private Tab comparison() {
    Button compare = Ui.button(i18n, "review.compare");
    compare.setId("review-compare");
    compare.disableProperty().bind(vm.canInstall().not().or(vm.comparingProperty()));
    compare.setOnAction(e -> vm.compare());
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(vm.comparingProperty());
    HBox bar = new HBox(10, compare, busy, Ui.hint(i18n, "review.compare.hint"));
    bar.setAlignment(Pos.CENTER_LEFT);
    TextArea report = new TextArea();
    report.setId("review-comparison");
    report.setEditable(false);
    report.getStyleClass().add("monospace");
    report.textProperty().bind(vm.comparisonProperty());
    VBox.setVgrow(report, Priority.ALWAYS);
    Tab tab = new Tab();
    tab.textProperty().bind(i18n.text("review.tab.compare"));
    tab.setContent(new VBox(8, bar, report));
    return tab;
  }

  private Tab yaml() {
    TextArea text = new TextArea();
    text.setId("review-yaml");
    text.setEditable(false);
    text.getStyleClass().add("monospace");
    Tab tab = new Tab("cluster.yaml", text);
    whileSelected(tab, text, () -> vm.previewProperty().get() == null ? "" : vm.yaml());
    return tab;
  }

  @Override
  public Node node() {
    return root;
  }
}

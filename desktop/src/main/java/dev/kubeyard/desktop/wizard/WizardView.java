package dev.kubeyard.desktop.wizard;

import dev.kubeyard.desktop.DesktopContext;
import dev.kubeyard.desktop.fx.Ui;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.wizard.apps.AppsView;
import dev.kubeyard.desktop.wizard.hosts.HostsView;
import dev.kubeyard.desktop.wizard.loadbalancer.LoadBalancerView;
import dev.kubeyard.desktop.wizard.network.NetworkView;
import dev.kubeyard.desktop.wizard.review.PlanPreview;
import dev.kubeyard.desktop.wizard.review.ReviewView;
import dev.kubeyard.desktop.wizard.start.StartView;
import dev.kubeyard.desktop.wizard.versions.VersionsView;
import dev.kubeyard.desktop.wizard.windows.WindowsView;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The wizard: steps on the left, the current page with its problems, Back and Next below. */
public final class WizardView {
  private final BorderPane root = new BorderPane();
  private final WizardViewModel vm;
  private final I18n i18n;
  private final Map<WizardStep, java.util.function.Supplier<PageView>> pages = new EnumMap<>(WizardStep.class);
  private final Map<WizardStep, Node> built = new EnumMap<>(WizardStep.class);
  private final ScrollPane pageArea = new ScrollPane();

  /**
   * @param rehearse walks the reviewed plan without touching hosts
   * @param install carries out the plan folder over SSH, once the review has written it from the bundle
   */
  public WizardView(WizardViewModel vm, DesktopContext ctx, Consumer<PlanPreview> rehearse,
      Consumer<PlanPreview> install, Consumer<Path> manage) {
    this.vm = vm;
    this.i18n = ctx.i18n();
    // pages are built the first time they are shown: a faster first window
    pages.put(WizardStep.START, () -> new StartView(vm.start, vm.validation(), ctx, manage));
    pages.put(WizardStep.HOSTS, () -> new HostsView(vm.hosts, vm.validation(), ctx));
    pages.put(WizardStep.NETWORK, () -> new NetworkView(vm.network, vm.validation(), i18n));
    pages.put(WizardStep.LOAD_BALANCER, () -> new LoadBalancerView(vm.loadBalancer, vm.validation(), i18n));
    pages.put(WizardStep.WINDOWS, () -> new WindowsView(vm.windows, vm.validation(), i18n));
    pages.put(WizardStep.VERSIONS, () -> new VersionsView(vm.versions, vm.validation(), ctx));
    pages.put(WizardStep.APPS, () -> new AppsView(vm.apps, vm.validation(), i18n));
    pages.put(WizardStep.REVIEW, () -> new ReviewView(vm.review, ctx));

    root.getStyleClass().add("wizard");
    root.setLeft(new WizardStepsView(vm, i18n).node());
    pageArea.setFitToWidth(true);
    pageArea.getStyleClass().add("page-scroll");
    VBox center = new VBox(pageHeader(), pageArea, new ProblemListView(vm, i18n).node());
    VBox.setVgrow(pageArea, javafx.scene.layout.Priority.ALWAYS);
    center.getStyleClass().add("wizard-center");
    root.setCenter(center);
    root.setBottom(navigation(rehearse, install));
    vm.currentProperty().addListener((o, old, now) -> show(now));
    show(vm.currentProperty().get());
  }

  private Node pageHeader() {
    Label title = new Label();
    title.getStyleClass().add("page-title");
    title.setId("page-title");
    Label description = new Label();
    description.getStyleClass().add("page-description");
    description.setWrapText(true);
    title.textProperty().bind(Bindings.createStringBinding(
        () -> i18n.get("page." + vm.currentProperty().get().id() + ".title"), vm.currentProperty(), i18n.languageProperty()));
    description.textProperty().bind(Bindings.createStringBinding(
        () -> i18n.get("page." + vm.currentProperty().get().id() + ".description"), vm.currentProperty(),
        i18n.languageProperty()));
    VBox header = new VBox(4, title, description);
    header.getStyleClass().add("page-header");
    return header;
  }

  private Node navigation(Consumer<PlanPreview> rehearse, Consumer<PlanPreview> install) {
    Button back = Ui.button(i18n, "wizard.back");
    back.setId("wizard-back");
    back.disableProperty().bind(vm.canGoBack().not());
    back.setOnAction(e -> vm.back());
    Button next = Ui.button(i18n, "wizard.next");
    next.setId("wizard-next");
    next.getStyleClass().add("accent");
    next.setDefaultButton(true);
    next.disableProperty().bind(vm.canGoNext().not());
    next.setOnAction(e -> vm.next());
    Button installButton = Ui.button(i18n, "wizard.install");
    installButton.setId("wizard-install");
    installButton.getStyleClass().add("success");
    installButton.disableProperty().bind(vm.review.canInstall().not());
    installButton.setOnAction(e -> vm.review.install(install));
    Button rehearseButton = Ui.button(i18n, "wizard.rehearse");
    rehearseButton.setId("wizard-rehearse");
    rehearseButton.disableProperty().bind(vm.review.canRehearse().not());
    rehearseButton.setOnAction(e -> rehearse.accept(vm.review.previewProperty().get()));
    var onReview = vm.currentProperty().isEqualTo(WizardStep.REVIEW);
    next.visibleProperty().bind(onReview.not());
    next.managedProperty().bind(next.visibleProperty());
    for (Button b : new Button[] {rehearseButton, installButton}) {
      b.visibleProperty().bind(onReview);
      b.managedProperty().bind(b.visibleProperty());
    }
    Label blocked = new Label();
    blocked.getStyleClass().add("nav-hint");
    blocked.setId("wizard-blocked");
    var onPage = vm.problemsOnCurrentPage();
    blocked.textProperty().bind(Bindings.createStringBinding(
        () -> onPage.get() == 0 ? "" : i18n.get("wizard.blocked", onPage.get()), onPage, i18n.languageProperty()));
    HBox bar = new HBox(10, blocked, Ui.grow(), back, next, rehearseButton, installButton);
    bar.setAlignment(Pos.CENTER_RIGHT);
    bar.getStyleClass().add("wizard-nav");
    return bar;
  }

  private void show(WizardStep step) {
    pageArea.setContent(built.computeIfAbsent(step, s -> pages.get(s).get().node()));
    pageArea.setVvalue(0);
  }

  public Node node() {
    return root;
  }
}

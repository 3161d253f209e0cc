package dev.kubeyard.desktop.shell;

import dev.kubeyard.desktop.DesktopContext;
import dev.kubeyard.desktop.install.ExecutorRunner;
import dev.kubeyard.desktop.install.InstallViewModel;
import dev.kubeyard.desktop.manager.ManagerViewModel;
import dev.kubeyard.desktop.wizard.WizardViewModel;
import dev.kubeyard.desktop.wizard.review.PlanPreview;
import dev.kubeyard.desktop.wizard.start.EngineLab;
import dev.kubeyard.desktop.wizard.start.LabLauncher;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Which of the three screens is showing, and the moves between them. */
public final class ShellViewModel {
  /** The app's screens. */
  public enum Screen { WIZARD, INSTALL, MANAGER }

  private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen", Screen.WIZARD);
  private final BooleanProperty installLoaded = new SimpleBooleanProperty(this, "installLoaded");
  public final WizardViewModel wizard;
  public final InstallViewModel install;
  public final ManagerViewModel manager;

  public ShellViewModel(DesktopContext ctx) {
    this(ctx, new EngineLab());
  }

  /** With the lab "Try it on this machine" brings up (tests give their own name and subnet). */
  public ShellViewModel(DesktopContext ctx, LabLauncher lab) {
    wizard = new WizardViewModel(ctx.threads(), lab);
    install = new InstallViewModel(ctx.runner(), ctx.bridge());
    manager = new ManagerViewModel(ctx.clusterStatus(), ctx.threads(), ctx.elasticsearch(), ctx.pythonService(),
        ctx.gitlab());
    // the app tabs manage what the spec open in the wizard describes (cluster.yaml's apps section)
    manager.elasticsearch().specProperty().bind(wizard.validation().specProperty());
    manager.pythonService().specProperty().bind(wizard.validation().specProperty());
    manager.gitlab().specProperty().bind(wizard.validation().specProperty());
    // GitLab's Deploy looks for the plan's PKI in kubeyard-plan beside the open cluster.yaml after the kubeconfig's folder
    manager.gitlab().workspaceProperty().bind(wizard.workspaceProperty());
    manager.picture().specProperty().bind(wizard.validation().specProperty());
    // the install page is prepared (grid built, styled) while the plan is reviewed, not when it starts
    wizard.review.previewProperty().addListener((o, old, preview) -> {
      if (preview != null) {
        install.load(preview.plan());
      }
    });
  }

  /** Leaves the wizard for the install page and rehearses the reviewed plan (no host is touched). */
  public void rehearse(PlanPreview preview) {
    show(preview);
    install.start();
  }

  /** Leaves the wizard for the install page and carries out the written plan folder over SSH. */
  public void install(PlanPreview preview) {
    if (preview.folder() == null) {
      throw new IllegalStateException("write the plan folder before installing");
    }
    show(preview);
    install.start(ExecutorRunner.forSpec(preview.spec(), preview.folder(), wizard.knownHosts()));
  }

  private void show(PlanPreview preview) {
    if (install.plan() != preview.plan() || install.stateProperty().get() != InstallViewModel.RunState.IDLE) {
      install.load(preview.plan());
    }
    installLoaded.set(true);
    screen.set(Screen.INSTALL);
  }

  /**
   * The admin kubeconfig of the plan folder the install used, when the review wrote one
   * ({@code kubeyard plan} puts it there); otherwise nothing, and the person picks a kubeconfig.
   */
  public java.util.Optional<Path> installedKubeconfig() {
    PlanPreview p = wizard.review.previewProperty().get();
    return p == null || p.folder() == null ? java.util.Optional.empty()
        : java.util.Optional.of(p.folder().resolve("admin.kubeconfig")).filter(java.nio.file.Files::isRegularFile);
  }

  public void manage(Path kubeconfig) {
    screen.set(Screen.MANAGER);
    manager.open(kubeconfig);
  }

  public void show(Screen s) {
    if (s != Screen.INSTALL || installLoaded.get()) {
      screen.set(s);
    }
  }

  public ObjectProperty<Screen> screenProperty() {
    return screen;
  }

  public BooleanProperty installLoadedProperty() {
    return installLoaded;
  }
}

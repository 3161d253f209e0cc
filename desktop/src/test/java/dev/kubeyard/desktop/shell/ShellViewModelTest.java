package dev.kubeyard.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.DesktopContext;
import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.i18n.Language;
import dev.kubeyard.desktop.install.InstallViewModel.RunState;
import dev.kubeyard.desktop.testing.Rehearsals;
import dev.kubeyard.desktop.manager.ClusterStatusStandIn;
import dev.kubeyard.desktop.shell.ShellViewModel.Screen;
import dev.kubeyard.desktop.testing.ExampleCluster;
import dev.kubeyard.desktop.testing.FixedFileDialogs;
import dev.kubeyard.desktop.wizard.WizardStep;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The moves between the screens, with synchronous threads, a rehearsal and the stand-in cluster. */
class ShellViewModelTest {
  @TempDir Path logs;

  private ShellViewModel shell() {
    DesktopContext ctx = new DesktopContext(new I18n(Language.ENGLISH), Threads.synchronous(), new FixedFileDialogs(),
        Rehearsals.synchronous(logs, Map.of()),
        sink -> e -> sink.accept(List.of(e)), p -> new ClusterStatusStandIn(true), p -> { });
    return new ShellViewModel(ctx);
  }

  @Test
  void theInstallPageIsPreparedWhileThePlanIsReviewedAndRunsOnInstall() {
    ShellViewModel shell = shell();
    shell.wizard.start.newCluster();
    ExampleCluster.load(shell.wizard);
    shell.wizard.currentProperty().set(WizardStep.REVIEW);

    assertThat(shell.install.plan()).isSameAs(shell.wizard.review.previewProperty().get().plan());
    assertThat(shell.installLoadedProperty().get()).isFalse();

    shell.rehearse(shell.wizard.review.previewProperty().get());

    assertThat(shell.screenProperty().get()).isEqualTo(Screen.INSTALL);
    assertThat(shell.install.stateProperty().get()).isEqualTo(RunState.SUCCEEDED);
  }

  @Test
  void withoutAWrittenPlanFolderTheManagerAsksForAKubeconfig() {
    ShellViewModel shell = shell();
    shell.wizard.start.newCluster();
    ExampleCluster.load(shell.wizard);
    shell.wizard.currentProperty().set(WizardStep.REVIEW);

    assertThat(shell.installedKubeconfig()).isEmpty();

    shell.manage(Path.of("admin.kubeconfig"));

    assertThat(shell.screenProperty().get()).isEqualTo(Screen.MANAGER);
    assertThat(shell.manager.nodes()).hasSize(3);
  }

  @Test
  void theInstallScreenCannotBeShownBeforeAnInstallStarted() {
    ShellViewModel shell = shell();

    shell.show(Screen.INSTALL);

    assertThat(shell.screenProperty().get()).isEqualTo(Screen.WIZARD);
  }
}

package dev.kubeyard.desktop.ui;

import static dev.kubeyard.desktop.ui.UiHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeyard.desktop.install.ExecutorRunner;
import dev.kubeyard.desktop.install.InstallViewModel.RunState;
import dev.kubeyard.desktop.install.RehearsalRunner;
import dev.kubeyard.desktop.shell.ShellViewModel.Screen;
import dev.kubeyard.desktop.testing.LoopbackSshd;
import dev.kubeyard.desktop.testing.SshTestHosts;
import dev.kubeyard.desktop.wizard.WizardStep;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.run.RunSettings;
import dev.kubeyard.engine.transport.HostKeyTrust;
import dev.kubeyard.engine.transport.SshSettings;
import dev.kubeyard.engine.transport.SshTransports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The desktop over real SSH: two real sshd hosts on loopback (alpha 127.0.0.2, beta 127.0.0.3). "Test
 * connection" shows a new host's key fingerprint to accept; then the install page follows a real run
 * of the engine's executor. The plan is a small one of harmless steps (the Kubernetes plan needs the
 * lab's machines and a bundle), in which beta fails with "no space left on device" until it is fixed.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class OverSshUiTest {
  private final UiHarness ui = new UiHarness();
  private SshTestHosts hosts;

  @Start
  void start(Stage stage) throws Exception {
    Path dir = ui.work.resolve("ssh");
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(dir);
    if (LoopbackSshd.available()) {
      hosts = new SshTestHosts(dir);
    }
    ui.show(stage, "logs-ssh", logs -> RehearsalRunner.threaded(Duration.ZERO, Map.of(), logs));
  }

  @AfterEach
  void stop() {
    if (hosts != null) {
      hosts.close();
    }
  }

  @Test
  void aNewHostsKeyIsAcceptedByItsFingerprintThenTheInstallPageFollowsARealExecutorRun(FxRobot robot) throws Exception {
    assumeTrue(hosts != null, "needs /usr/sbin/sshd (apt-get install openssh-server)");
    robot.interact(() -> {
      ui.shell.wizard.workspaceProperty().set(hosts.dir);
      ui.shell.wizard.draft().load(hosts.spec());
      ui.shell.wizard.currentProperty().set(WizardStep.HOSTS);
    });
    robot.clickOn("alpha");
    robot.clickOn("#hosts-test-connection");
    waitFor("the host key", () -> ui.shell.wizard.hosts.connectionTest().offeredKeyProperty().get() != null);

    assertThat(robot.lookup("#hosts-offered-key").queryAs(Label.class).getText())
        .startsWith("alpha ([127.0.0.2]:" + hosts.server(0).port() + ") offers the host key ssh-ed25519 "
            + hosts.server(0).fingerprint());
    ui.screenshot(robot, "hosts-new-host-key");
    robot.clickOn("#hosts-accept-key");
    waitFor("the connection", () -> ui.shell.wizard.hosts.connectionTest().resultProperty().get() != null);
    assertThat(robot.lookup("#hosts-connection-result").queryAs(Label.class).getText()).startsWith("alpha: connected (Linux ");
    assertThat(Files.readString(hosts.dir.resolve("known_hosts"))).contains("[127.0.0.2]:" + hosts.server(0).port());
    ui.screenshot(robot, "hosts-connected");

    ExecutorRunner executor = new ExecutorRunner(hosts.dir.resolve("plan"),
        new SshTransports(hosts.spec(), SshSettings.of(hosts.trustedKnownHosts()).withTrust(HostKeyTrust.REFUSE)),
        RunSettings.defaults().withVerifyTimeout(Duration.ofSeconds(5), Duration.ofMillis(500)));
    robot.interact(() -> {
      ui.shell.install.load(hosts.plan());
      ui.shell.installLoadedProperty().set(true);
      ui.shell.show(Screen.INSTALL);
      ui.shell.install.start(executor);
    });
    waitFor("beta's failure", () -> ui.shell.install.stateProperty().get() == RunState.FAILED);

    assertThat(robot.lookup("#install-rehearsal").query().isVisible()).as("a real run: no rehearsal banner").isFalse();
    assertThat(robot.lookup("#install-failure").queryAs(Label.class).getText()).startsWith("Step write-marker failed on beta");
    assertThat(robot.lookup("#cell-alpha-" + Phase.NODE).queryAs(Label.class).getText()).isEqualTo("done");
    assertThat(robot.lookup("#install-log").queryAs(ListView.class).getItems()).anyMatch(l -> l.toString().contains("no space left on device"));
    ui.screenshot(robot, "install-over-ssh-failed");
    robot.clickOn("#log-link-beta");
    assertThat(ui.opened).last().isEqualTo(hosts.dir.resolve("plan/logs/beta.log"));
    assertThat(Files.readString(hosts.dir.resolve("plan/logs/beta.log"))).contains("no space left on device");

    hosts.fixBeta();
    robot.clickOn("#install-retry");
    waitFor("the retry", () -> ui.shell.install.stateProperty().get() == RunState.SUCCEEDED);

    assertThat(robot.lookup("#cell-alpha-" + Phase.NODE).queryAs(Label.class).getText()).isEqualTo("skipped");
    assertThat(robot.lookup("#cell-beta-" + Phase.NODE).queryAs(Label.class).getText()).isEqualTo("done");
    assertThat(hosts.dir.resolve("roots/beta/marker")).hasContent("installed");
    ui.screenshot(robot, "install-over-ssh-retried");
  }
}

package dev.kubeyard.desktop.ui;

import static dev.kubeyard.desktop.ui.UiHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.DesktopContext;
import dev.kubeyard.desktop.fx.FxThreadAdapter;
import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.install.RehearsalRunner;
import dev.kubeyard.desktop.manager.AppAvailability;
import dev.kubeyard.desktop.manager.ClusterStatusStandIn;
import dev.kubeyard.desktop.manager.elasticsearch.EsConnector;
import dev.kubeyard.desktop.manager.gitlab.GitlabStandIn;
import dev.kubeyard.desktop.manager.gitlab.GitlabTabViewModel;
import dev.kubeyard.desktop.manager.pyservice.GatewayConnection;
import dev.kubeyard.desktop.testing.ExampleCluster;
import dev.kubeyard.desktop.wizard.start.EngineLab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The GitLab tab in the window: Deploy (disabled while it runs) lists what it applied, then the tab shows
 * PostgreSQL's members and leader, PgBouncer, Redis and the Sentinels; without a PKI it says where it
 * looked. The cluster is a STAND-IN ({@link GitlabStandIn}); the engine's DataTierDeployer is what
 * {@code kubeyard gitlab deploy} runs.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class GitlabTabUiTest {
  private final UiHarness ui = new UiHarness();
  private final GitlabStandIn cluster = new GitlabStandIn();

  @Start
  void start(Stage stage) {
    Path logs = ui.work.resolve("logs-gitlab-tab");
    ui.show(stage, new DesktopContext(ui.i18n, Threads.forFx(), ui.dialogs,
        RehearsalRunner.threaded(Duration.ZERO, Map.of(), logs), FxThreadAdapter::deliver,
        p -> new ClusterStatusStandIn(true), ui.opened::add, EsConnector.kubernetes(), GatewayConnection.kubernetes(),
        k -> cluster), new EngineLab());
  }

  @Test
  void deployListsEachObjectThenTheTabShowsTheMembersTheLeaderAndTheReadyCounts(FxRobot robot) throws IOException {
    Path plan = ui.work.resolve("gitlab-plan"); // as `kubeyard plan` writes it: admin.kubeconfig beside pki/
    Files.createDirectories(plan.resolve("pki"));
    GitlabTabViewModel gitlab = open(robot, plan.resolve("admin.kubeconfig"));
    assertThat(label(robot, "#app-state-gitlab")).isEqualTo("Not installed");
    assertThat(label(robot, "#gitlab-what-to-do")).startsWith("Deploy creates namespace gitlab with PostgreSQL");
    assertThat(label(robot, "#gitlab-own-tier")).contains("webservice, Sidekiq, Gitaly, gitlab-shell",
        "not deployed by this tab yet");

    cluster.gate = new CountDownLatch(1);
    robot.clickOn("#gitlab-deploy");
    waitFor("the deploy to start", () -> gitlab.busyProperty().get());
    assertThat(robot.lookup("#gitlab-deploy").queryAs(Button.class).isDisabled()).as("disabled while busy").isTrue();
    assertThat(robot.lookup("#gitlab-refresh").queryAs(Button.class).isDisabled()).isTrue();
    cluster.gate.countDown();
    waitFor("the deploy", () -> gitlab.availabilityProperty().get() == AppAvailability.INSTALLED
        && !gitlab.busyProperty().get());

    assertThat(robot.lookup("#gitlab-applied").queryAs(ListView.class).getItems())
        .startsWith("created Namespace gitlab", "created Secret gitlab/gitlab-postgres-tls")
        .endsWith("created StatefulSet gitlab/gitlab-redis-sentinel");
    assertThat(label(robot, "#app-state-gitlab")).isEqualTo("Data tier deployed, not healthy yet");
    assertThat(robot.lookup("#gitlab-members").queryAs(TableView.class).getItems()).hasSize(3);
    assertThat(label(robot, "#gitlab-leader")).isEqualTo("PostgreSQL leader: gitlab-postgres-0");
    assertThat(label(robot, "#gitlab-pgbouncer")).isEqualTo("PgBouncer: 0/2 ready");
    assertThat(label(robot, "#gitlab-sentinels")).isEqualTo("Sentinels: 0/3 ready");
    assertThat(robot.lookup("#gitlab-deploy").queryAs(Button.class).isDisabled()).isFalse();

    cluster.ready = true;
    robot.clickOn("#gitlab-refresh");
    waitFor("the pods ready", () -> gitlab.statusProperty().get().healthy() && !gitlab.busyProperty().get());
    assertThat(label(robot, "#app-state-gitlab")).isEqualTo("Data tier healthy");
    assertThat(label(robot, "#gitlab-redis")).isEqualTo("Redis: 3/3 ready");
    assertThat(label(robot, "#gitlab-sentinels")).isEqualTo("Sentinels: 3/3 ready");
    assertThat(robot.lookup("#gitlab-error").queryAs(Label.class).isVisible()).isFalse();
    ui.screenshot(robot, "manager-gitlab");
  }

  @Test
  void deployWithoutThePlansPkiAppliesNothingAndNamesTheFoldersAndTheFix(FxRobot robot) throws IOException {
    Path elsewhere = Files.createDirectories(ui.work.resolve("gitlab-no-plan"));
    robot.interact(() -> ui.shell.wizard.workspaceProperty().set(elsewhere));
    GitlabTabViewModel gitlab = open(robot, elsewhere.resolve("admin.kubeconfig"));

    robot.clickOn("#gitlab-deploy");
    waitFor("the refusal", () -> !gitlab.pkiMissingProperty().get().isEmpty() && !gitlab.busyProperty().get());

    assertThat(cluster.deployed).isFalse();
    assertThat(label(robot, "#gitlab-pki-missing")).startsWith("No PKI in " + elsewhere.resolve("pki"))
        .contains(elsewhere.resolve("kubeyard-plan").resolve("pki").toString(), "kubeyard apply -f cluster.yaml");
    assertThat(robot.lookup("#gitlab-applied").queryAs(ListView.class).getItems()).isEmpty();
    assertThat(label(robot, "#app-state-gitlab")).isEqualTo("Not installed");
  }

  private GitlabTabViewModel open(FxRobot robot, Path kubeconfig) {
    GitlabTabViewModel gitlab = ui.shell.manager.gitlab();
    robot.interact(() -> {
      ExampleCluster.load(ui.shell.wizard); // a spec with apps.gitlab enabled and no postgresHost
      ui.shell.manage(kubeconfig);
    });
    robot.clickOn("#tab-gitlab");
    waitFor("the status read", () -> gitlab.availabilityProperty().get() == AppAvailability.NOT_DEPLOYED);
    return gitlab;
  }

  private static String label(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }
}

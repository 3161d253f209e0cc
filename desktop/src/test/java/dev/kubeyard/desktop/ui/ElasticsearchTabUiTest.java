package dev.kubeyard.desktop.ui;

import static dev.kubeyard.desktop.ui.UiHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.DesktopContext;
import dev.kubeyard.desktop.fx.FxThreadAdapter;
import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.i18n.Language;
import dev.kubeyard.desktop.install.RehearsalRunner;
import dev.kubeyard.desktop.manager.AppAvailability;
import dev.kubeyard.desktop.manager.ClusterStatusStandIn;
import dev.kubeyard.desktop.manager.elasticsearch.ElasticsearchTabViewModel;
import dev.kubeyard.desktop.manager.elasticsearch.EsConnection;
import dev.kubeyard.desktop.manager.elasticsearch.NodeRow;
import dev.kubeyard.desktop.manager.elasticsearch.NodeStep;
import dev.kubeyard.desktop.testing.ExampleCluster;
import dev.kubeyard.desktop.testing.Fixtures;
import dev.kubeyard.desktop.wizard.start.EngineLab;
import dev.kubeyard.engine.apps.elasticsearch.ConfigRevision;
import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import dev.kubeyard.engine.apps.elasticsearch.local.HarnessCluster;
import dev.kubeyard.engine.apps.elasticsearch.local.HarnessFleet;
import dev.kubeyard.engine.apps.elasticsearch.local.LocalNodes;
import dev.kubeyard.engine.apps.elasticsearch.update.ElasticsearchFleet;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEventText;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateListener;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Elasticsearch tab against REAL Elasticsearch: three harness nodes (tools/es-harness) on this
 * machine, deployed on 7.17.28 before the window opens. The tab shows them, the Update button rolls
 * them to 7.17.29 one at a time with the progress on screen, and Roll back shows the engine's refusal
 * (a node that ran 7.17.29 cannot go back) with its hint. What is not real: the tab reaches the
 * nodes through a connection over local processes instead of StatefulSets (the spec only enables
 * the tab), and the Cluster tab's Kubernetes is the stand-in of {@link ManagerUiTest}.
 *
 * <p>Needs the harness builds of both versions; lab/run-e2e.sh makes them (scripts/test-all runs it
 * before the UI tests). Without them the test is skipped, naming the build command.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ElasticsearchTabUiTest {
  private static final int BASE_PORT = 19500;
  private static final UpdateTarget OLD = new UpdateTarget(EsVersion.of("7.17.28"), ConfigRevision.of("256m", Map.of()));
  private static final UpdateTarget NEW = new UpdateTarget(EsVersion.of("7.17.29"), OLD.revision());
  private static final UpdateListener PRINT = e -> System.out.println("es-tab-ui: " + UpdateEventText.of(e));
  private static LocalNodes layout;
  private final UiHarness ui = new UiHarness();

  @BeforeAll
  static void deployThreeNodesOnTheOldVersion() throws Exception {
    Path root = Fixtures.repoRoot();
    for (UpdateTarget t : List.of(OLD, NEW)) {
      Assumptions.assumeTrue(Files.isRegularFile(root.resolve("tools/es-harness/target/es-" + t.version()
          + "/es-harness.jar")), "no Elasticsearch " + t.version() + " harness build; make it with `ES_VERSION="
          + t.version() + " tools/es-harness/run-es.sh build` (lab/run-e2e.sh builds both versions)");
    }
    Path dir = Path.of("target", "ui-work", "es-tab").toAbsolutePath();
    stopLeftovers(dir);
    for (int port : List.of(1, 2, 3, 101, 102, 103)) {
      assertThat(free(BASE_PORT + port)).as("127.0.0.1:" + (BASE_PORT + port) + " is free for the test's nodes").isTrue();
    }
    layout = LocalNodes.layout(dir, "kubeyard-es-tab-ui", root.resolve("tools/es-harness/run-es.sh"), 3, BASE_PORT);
    layout.write(dir.resolve("nodes.json"));
    HarnessCluster.deploy(layout, OLD, PRINT);
  }

  @AfterAll
  static void stopTheNodes() throws InterruptedException {
    if (layout != null) {
      HarnessCluster.stop(new HarnessFleet(layout));
    }
  }

  @Start
  void start(Stage stage) {
    Path logs = ui.work.resolve("logs-es-tab");
    EsConnection local = new EsConnection() {
      @Override
      public ElasticsearchFleet fleet() {
        return new HarnessFleet(layout);
      }

      @Override
      public UpdateTarget wanted() {
        return NEW;
      }

      @Override
      public void deploy(UpdateListener listener, Consumer<String> log) throws InterruptedException {
        HarnessCluster.deploy(layout, OLD, listener);
      }
    };
    ui.show(stage, new DesktopContext(ui.i18n, Threads.forFx(), ui.dialogs,
        RehearsalRunner.threaded(Duration.ZERO, Map.of(), logs), FxThreadAdapter::deliver,
        p -> new ClusterStatusStandIn(true), ui.opened::add, (kubeconfig, spec) -> local), new EngineLab());
  }

  @Test
  void theTabShowsRealNodesUpdatesThemOneAtATimeAndShowsWhyTheVersionCannotBeRolledBack(FxRobot robot) {
    ElasticsearchTabViewModel es = ui.shell.manager.elasticsearch();
    robot.interact(() -> {
      ExampleCluster.load(ui.shell.wizard); // a spec with apps.elasticsearch enabled
      ui.shell.manage(Path.of("admin.kubeconfig"));
    });
    robot.clickOn("Elasticsearch");
    waitFor("the three nodes", Duration.ofSeconds(60),
        () -> es.availabilityProperty().get() == AppAvailability.INSTALLED && es.nodes().size() == 3);

    @SuppressWarnings("unchecked")
    TableView<NodeRow> nodes = robot.lookup("#es-nodes").queryAs(TableView.class);
    assertThat(nodes.getItems()).extracting(NodeRow::name, NodeRow::version).containsExactly(
        org.assertj.core.groups.Tuple.tuple("n1", "7.17.28"), org.assertj.core.groups.Tuple.tuple("n2", "7.17.28"),
        org.assertj.core.groups.Tuple.tuple("n3", "7.17.28"));
    assertThat(nodes.getItems()).extracting(NodeRow::revision).containsOnly(OLD.revision().id());
    assertThat(label(robot, "#es-health")).startsWith("Green");
    assertThat(label(robot, "#es-health-detail")).startsWith("3 nodes");
    assertThat(label(robot, "#es-update-summary")).startsWith("Deployment: 7.17.28");
    assertThat(label(robot, "#es-wanted")).contains("7.17.29 revision " + NEW.revision().id());
    ui.screenshot(robot, "manager-elasticsearch-deployed");

    Set<String> seen = ConcurrentHashMap.newKeySet();
    es.nodes().addListener((javafx.collections.ListChangeListener<NodeRow>) c -> es.nodes().forEach(r ->
        seen.add(r.name() + " " + r.step())));
    long start = System.nanoTime();
    robot.clickOn("#es-update");
    assertThat(robot.lookup("#es-update").queryAs(Button.class).isDisabled()).isTrue();
    assertThat(robot.lookup("#es-rollback").queryAs(Button.class).isDisabled()).isTrue();
    waitFor("the first node done", Duration.ofMinutes(2), () -> es.progressProperty().get() != null
        && es.progressProperty().get().done() >= 1 && "running".equals(es.progressProperty().get().phase()));
    assertThat(label(robot, "#es-update-summary")).startsWith("Version upgrade: 7.17.28 revision");
    ui.screenshot(robot, "manager-elasticsearch-updating");
    waitFor("the update to complete", Duration.ofMinutes(3), () -> es.runningProperty().get() == null
        && es.progressProperty().get() != null && "completed".equals(es.progressProperty().get().phase()));
    System.out.println("es-tab-ui: rolling update of 3 real nodes took " + (System.nanoTime() - start) / 1_000_000
        + " ms");

    for (String node : List.of("n1", "n2", "n3")) {
      assertThat(seen).contains(node + " " + NodeStep.STOPPED, node + " " + NodeStep.STARTING, node + " " + NodeStep.DONE);
    }
    waitFor("the nodes on 7.17.29", () -> es.nodes().stream().allMatch(r -> "7.17.29".equals(r.version())));
    assertThat(label(robot, "#es-update-nodes")).isEqualTo("3 of 3 nodes done.");
    assertThat(label(robot, "#es-update-summary")).endsWith("completed");
    @SuppressWarnings("unchecked")
    ListView<String> log = robot.lookup("#es-log").queryAs(ListView.class);
    assertThat(log.getItems()).anyMatch(l -> l.contains("[3/3]")).anyMatch(l -> l.contains("completed"))
        .anyMatch(l -> l.contains("snapshot kubeyard-snapshots/pre-upgrade-7.17.28-to-7.17.29"));
    assertThat(es.snapshots()).anyMatch(s -> s.startsWith("pre-upgrade-7.17.28-to-7.17.29"));

    robot.clickOn("#es-rollback");
    waitFor("the refusal", () -> !es.refusalProperty().get().isEmpty() && es.runningProperty().get() == null);
    Label refusal = robot.lookup("#es-refusal").queryAs(Label.class);
    assertThat(refusal.isVisible()).isTrue();
    assertThat(refusal.getText()).startsWith("Refused: refusing to roll Elasticsearch back from 7.17.29 to 7.17.28")
        .contains("What to do: the way back is the snapshot taken before the upgrade: restore `pre-upgrade-");
    assertThat(log.getItems()).anyMatch(l -> l.contains("completed")); // the update's log stays on screen
    waitFor("the status after the refusal", () -> es.nodes().stream().allMatch(r -> "7.17.29".equals(r.version())));
    assertThat(robot.lookup("#es-update").queryAs(Button.class).isDisabled()).isFalse();
    ui.screenshot(robot, "manager-elasticsearch-rollback-refused");

    robot.interact(() -> ui.i18n.languageProperty().set(Language.SIMPLIFIED_CHINESE));
    assertThat(robot.lookup("#es-update").queryAs(Button.class).getText()).isEqualTo("按规格更新");
    assertThat(label(robot, "#es-refusal")).startsWith("已拒绝：refusing to roll Elasticsearch back");
    assertThat(label(robot, "#es-update-nodes")).isEqualTo("已完成 3/3 个节点。");
    ui.screenshot(robot, "zh-manager-elasticsearch");
    robot.interact(() -> ui.i18n.languageProperty().set(Language.ENGLISH));
  }

  private static String label(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(Label.class).getText();
  }

  /** Nodes a killed earlier run left behind (their homes are under the same directory) are stopped. */
  private static void stopLeftovers(Path dir) throws IOException, InterruptedException {
    Path file = dir.resolve("nodes.json");
    if (Files.exists(file)) {
      HarnessCluster.stop(new HarnessFleet(LocalNodes.read(file)));
    }
    if (Files.exists(dir)) {
      try (var walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static boolean free(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

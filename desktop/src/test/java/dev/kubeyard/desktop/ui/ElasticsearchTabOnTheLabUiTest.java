package dev.kubeyard.desktop.ui;

import static dev.kubeyard.desktop.ui.UiHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeyard.desktop.install.RehearsalRunner;
import dev.kubeyard.desktop.manager.AppAvailability;
import dev.kubeyard.desktop.manager.elasticsearch.ElasticsearchTabViewModel;
import dev.kubeyard.desktop.manager.elasticsearch.NodeRow;
import dev.kubeyard.desktop.wizard.start.StartViewModel.Choice;
import dev.kubeyard.engine.k8s.KubernetesClusterStatus;
import dev.kubeyard.engine.lab.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Elasticsearch tab on REAL Kubernetes: the app's own connector (StatefulSets through the
 * kubeconfig, ES calls through the apiserver's service proxy) against the lab 'es' that the engine's
 * ElasticsearchOnTheLabClusterTest leaves running when lab/run-e2e.sh passes -Dkubeyard.eslab.keep=true:
 * its last scenario deployed 7.17.28 again and restored the pre-upgrade snapshot there. The tab opens
 * that cluster.yaml and admin.kubeconfig and shows the five pods' nodes (3 masters, 2 data) on 7.17.28, green, the
 * deployment recorded in the StatefulSet annotation and the pre-upgrade snapshot; "Take snapshot"
 * writes a new one to the repository; "Update" to the unchanged spec shows the engine's "nothing to
 * do" refusal. lab/run-e2e.sh runs it right after the engine's test and then removes the lab; anywhere
 * else it is skipped, saying so.
 */
@Tag("ui")
@Tag("lab")
@ExtendWith(ApplicationExtension.class)
class ElasticsearchTabOnTheLabUiTest {
  private static final Path LAB = Lab.HOME.resolve("es");
  private static final Path SPEC = LAB.resolve("cluster-with-elasticsearch.yaml");
  private static final Path KUBECONFIG = LAB.resolve("kubeyard-plan/admin.kubeconfig");
  private final UiHarness ui = new UiHarness();

  @Start
  void start(Stage stage) {
    ui.clusterStatus = KubernetesClusterStatus::fromKubeconfig;
    ui.show(stage, "logs-es-lab", logs -> RehearsalRunner.threaded(Duration.ZERO, Map.of(), logs));
  }

  @Test
  void theTabManagesElasticsearchOnTheLabsKubernetesThroughTheStatefulSets(FxRobot robot) {
    assumeTrue(Files.isRegularFile(SPEC) && Files.isRegularFile(KUBECONFIG), "needs the lab 'es' with Elasticsearch "
        + "that ElasticsearchOnTheLabClusterTest keeps with -Dkubeyard.eslab.keep=true (lab/run-e2e.sh runs both)");
    ElasticsearchTabViewModel es = ui.shell.manager.elasticsearch();
    robot.interact(() -> ui.shell.wizard.start.open(SPEC));
    waitFor("the cluster.yaml opened", () -> ui.shell.wizard.start.choiceProperty().get() == Choice.OPEN);
    robot.interact(() -> ui.shell.manage(KUBECONFIG));
    robot.clickOn("Elasticsearch");
    waitFor("the five pods' nodes", Duration.ofSeconds(90),
        () -> es.availabilityProperty().get() == AppAvailability.INSTALLED && es.nodes().size() == 5);

    assertThat(label(robot, "#es-fleet")).contains("StatefulSets").contains("namespace elastic");
    assertThat(es.nodes()).extracting(NodeRow::name).containsExactlyInAnyOrder("elasticsearch-master-0",
        "elasticsearch-master-1", "elasticsearch-master-2", "elasticsearch-data-0", "elasticsearch-data-1");
    assertThat(es.nodes()).extracting(NodeRow::version).containsOnly("7.17.28");
    assertThat(label(robot, "#es-health")).startsWith("Green");
    assertThat(label(robot, "#es-update-summary")).startsWith("Deployment: 7.17.28");
    assertThat(es.snapshots()).anyMatch(s -> s.startsWith("pre-upgrade-7.17.28-to-7.17.29-"));
    ui.screenshot(robot, "lab-manager-elasticsearch");

    List<String> before = List.copyOf(es.snapshots());
    robot.clickOn("#es-snapshot");
    waitFor("a new snapshot", Duration.ofSeconds(90), () -> es.runningProperty().get() == null
        && es.snapshots().stream().anyMatch(s -> s.startsWith("manual-") && !before.contains(s)));
    assertThat(es.errorProperty().get()).isEmpty();

    robot.clickOn("#es-update");
    waitFor("the refusal", () -> es.runningProperty().get() == null && !es.refusalProperty().get().isEmpty());
    assertThat(es.refusalProperty().get()).contains("every node is meant to run 7.17.28");
    assertThat(es.refusalHintProperty().get()).isEqualTo("nothing to do");
    @SuppressWarnings("unchecked")
    ListView<String> log = robot.lookup("#es-log").queryAs(ListView.class);
    assertThat(log.getItems()).anyMatch(l -> l.contains("manual-"));
    ui.screenshot(robot, "lab-manager-elasticsearch-actions");
  }

  private static String label(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(Label.class).getText();
  }
}

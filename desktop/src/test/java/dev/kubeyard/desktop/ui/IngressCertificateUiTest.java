package dev.kubeyard.desktop.ui;

import static dev.kubeyard.desktop.ui.UiHarness.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.fx.FileDialogs.Kind;
import dev.kubeyard.desktop.install.RehearsalRunner;
import dev.kubeyard.desktop.testing.Fixtures;
import dev.kubeyard.desktop.wizard.WizardStep;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The apps page's own ingress certificate: checked by the engine as the plan will, on the fields it names. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class IngressCertificateUiTest {
  private static final String CERTIFICATE = "#field-pki-ingressCertificate-certificateFile";
  private static final String KEY = "#field-pki-ingressCertificate-keyFile";
  private final UiHarness ui = new UiHarness();
  @TempDir
  Path tmp;

  @Start
  void start(Stage stage) {
    ui.answer(Kind.CLUSTER_YAML, Fixtures.exampleClusterYaml());
    ui.show(stage, "logs-ingress-certificate", logs -> RehearsalRunner.threaded(Duration.ZERO, Map.of(), logs));
  }

  /** A self-signed certificate for {@code san} and its key, made by the real openssl; returns the key file. */
  private Path certificate(String name, String san) throws Exception {
    Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
        "-nodes", "-days", "90", "-subj", "/CN=" + name, "-addext", "subjectAltName=" + san,
        "-keyout", name + ".key", "-out", name + ".crt").directory(tmp.toFile()).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    return tmp.resolve(name + ".key");
  }

  /** Types into a field of the apps page's last card, scrolled into view first. */
  private static void enter(FxRobot robot, String field, String text) {
    robot.interact(() -> {
      for (Node n = robot.lookup(field).query(); n != null; n = n.getParent()) {
        if (n instanceof ScrollPane pane) {
          pane.setVvalue(pane.getVmax());
        }
      }
    });
    type(robot, field, text);
  }

  private String problem(FxRobot robot, String field) {
    Label l = robot.lookup(field.replace("#field-", "#problem-")).queryAs(Label.class);
    return l.isVisible() ? l.getText() : "";
  }

  @Test
  void aCertificateThatDoesNotCoverAnAppHostIsShownOnItsFieldAndAWildcardOneLetsTheWizardOn(FxRobot robot)
      throws Exception {
    certificate("narrow", "DNS:gateway.example.com");
    certificate("wildcard", "DNS:*.example.com");
    WizardNavigation.openExampleAndGoTo(robot, ui, WizardStep.APPS);
    Button next = robot.lookup("#wizard-next").queryAs(Button.class);
    assertThat(next.isDisabled()).as("no certificate of its own: the cluster CA's").isFalse();

    enter(robot, CERTIFICATE, tmp.resolve("narrow.crt").toString());
    assertThat(problem(robot, KEY)).startsWith("the ingress certificate needs both files, but"
        + " pki.ingressCertificate.keyFile is missing");
    assertThat(next.isDisabled()).isTrue();

    enter(robot, KEY, tmp.resolve("narrow.key").toString());
    assertThat(problem(robot, KEY)).isEmpty();
    assertThat(problem(robot, CERTIFICATE)).startsWith("the certificate does not cover gitlab.example.com, a host the"
        + " spec publishes (it names gateway.example.com)");
    assertThat(next.isDisabled()).isTrue();
    ui.screenshot(robot, "apps-ingress-certificate-not-covering");

    enter(robot, CERTIFICATE, tmp.resolve("wildcard.crt").toString());
    assertThat(problem(robot, KEY)).as("the narrow key is not the wildcard certificate's")
        .startsWith("the private key does not belong to the certificate CN=wildcard");
    enter(robot, KEY, tmp.resolve("wildcard.key").toString());

    for (String field : List.of(CERTIFICATE, KEY)) {
      assertThat(problem(robot, field)).as(field).isEmpty();
    }
    assertThat(next.isDisabled()).isFalse();
  }
}

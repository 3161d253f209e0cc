package dev.kubeyard.desktop;

import dev.kubeyard.desktop.security.PassphraseDialog;
import dev.kubeyard.desktop.security.PassphrasePrompt;
import dev.kubeyard.desktop.fx.FxThreadAdapter;
import dev.kubeyard.desktop.fx.NativeFileDialogs;
import dev.kubeyard.desktop.fx.PngSnapshot;
import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.i18n.Language;
import dev.kubeyard.desktop.install.RehearsalRunner;
import dev.kubeyard.desktop.shell.ShellViewModel;
import dev.kubeyard.engine.k8s.KubernetesClusterStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The desktop app. Options: {@code --lang=en|zh} (default: the OS language), {@code --open=cluster.yaml},
 * {@code --kubeconfig=FILE} (straight to the manager), {@code --screenshot=FILE.png} (save the first
 * window and exit: the packaging smoke test), {@code --report-startup} (print when the first window
 * is on screen, for the cold-start measurement).
 */
public final class KubeyardApp extends Application {

  private long startMillis;
  private long sceneMillis;

  @Override
  public void start(Stage stage) {
    startMillis = System.currentTimeMillis();
    Map<String, String> options = getParameters().getNamed();
    Language language = switch (options.getOrDefault("lang", "")) {
      case "zh", "zh_CN", "zh-CN" -> Language.SIMPLIFIED_CHINESE;
      case "en" -> Language.ENGLISH;
      default -> Language.ofSystem();
    };
    I18n i18n = new I18n(language);
    // ADR 37: the CA keys' and SSH keys' passphrases are asked in a dialog when the work needs one, never stored
    PassphrasePrompt.install(PassphraseDialog.prompt(i18n));
    Path home = Path.of(System.getProperty("user.home"), ".kubeyard");
    // the rehearsal runs in its own folder: the executor keeps logs/<host>.log and state/ there
    Map<String, String> failures = RehearsalFailures.parse(System.getProperty("kubeyard.rehearsal.fail", ""));
    DesktopContext ctx = new DesktopContext(i18n, Threads.forFx(), new NativeFileDialogs(i18n, () -> stage),
        RehearsalRunner.threaded(Duration.ofMillis(20), failures, home.resolve("rehearsal")),
        FxThreadAdapter::deliver, KubernetesClusterStatus::fromKubeconfig,
        p -> getHostServices().showDocument(p.toUri().toString()));
    KubeyardScene.applyTheme();
    ShellViewModel shell = new ShellViewModel(ctx);
    Scene scene = KubeyardScene.create(shell, ctx);
    sceneMillis = System.currentTimeMillis();
    stage.setScene(scene);
    stage.titleProperty().bind(i18n.text("app.title"));
    stage.setMinWidth(980);
    stage.setMinHeight(680);
    stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> firstWindow(scene, options));
    stage.show();
    if (options.containsKey("open")) {
      shell.wizard.start.open(Path.of(options.get("open")));
    }
    if (options.containsKey("kubeconfig")) {
      shell.manage(Path.of(options.get("kubeconfig")));
    }
  }

  private void firstWindow(Scene scene, Map<String, String> options) {
    if (getParameters().getUnnamed().contains("--report-startup")) {
      long shown = System.currentTimeMillis();
      System.out.println("kubeyard-first-window-epoch-ms=" + shown);
      System.out.println("kubeyard-start-epoch-ms=" + startMillis);
      System.out.println("kubeyard-startup: building the views " + (sceneMillis - startMillis)
          + " ms, showing the window " + (shown - sceneMillis) + " ms");
      System.out.flush();
    }
    if (options.containsKey("screenshot")) {
      PauseTransition settle = new PauseTransition(javafx.util.Duration.millis(800));
      settle.setOnFinished(e -> {
        try {
          System.out.println("kubeyard-screenshot=" + PngSnapshot.save(scene, Path.of(options.get("screenshot"))));
        } catch (java.io.IOException ex) {
          System.err.println("kubeyard: cannot save screenshot: " + ex.getMessage());
        }
        Platform.exit();
      });
      settle.play();
    } else if (getParameters().getUnnamed().contains("--exit-after-start")) {
      Platform.exit();
    }
  }
}

package dev.kubeyard.desktop.ui;

import dev.kubeyard.desktop.DesktopContext;
import dev.kubeyard.desktop.KubeyardScene;
import dev.kubeyard.desktop.fx.FileDialogs;
import dev.kubeyard.desktop.fx.FxThreadAdapter;
import dev.kubeyard.desktop.fx.PngSnapshot;
import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.i18n.Language;
import dev.kubeyard.desktop.install.InstallRunner;
import dev.kubeyard.desktop.manager.ClusterStatusStandIn;
import dev.kubeyard.engine.k8s.ClusterStatus;
import dev.kubeyard.desktop.shell.ShellViewModel;
import dev.kubeyard.desktop.wizard.start.EngineLab;
import dev.kubeyard.desktop.wizard.start.LabLauncher;
import dev.kubeyard.desktop.testing.FixedFileDialogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app scene in a real window (Xvfb), with file dialogs answered by the test, the stand-in
 * cluster for the manager (unless the test sets {@link #clusterStatus}) and a rehearsal runner for the
 * install page.
 */
final class UiHarness {
  final FixedFileDialogs dialogs = new FixedFileDialogs();
  final List<Path> opened = new CopyOnWriteArrayList<>();
  final I18n i18n = new I18n(Language.ENGLISH);
  final Path work;
  /** The manager's cluster: the stand-in unless a test connects to a real apiserver (before show). */
  Function<Path, ClusterStatus> clusterStatus = p -> new ClusterStatusStandIn(true);
  ShellViewModel shell;
  Scene scene;

  UiHarness() {
    try {
      work = Files.createDirectories(Path.of("target", "ui-work")).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Shows the app; the install runner writes its host logs where the install page links to. */
  void show(Stage stage, String logsName, Function<Path, InstallRunner> runner) {
    show(stage, logsName, runner, new EngineLab());
  }

  /** As {@link #show(Stage, String, Function)}, with the lab "Try it on this machine" brings up. */
  void show(Stage stage, String logsName, Function<Path, InstallRunner> runner, LabLauncher lab) {
    Path logs = work.resolve(logsName);
    try {
      if (Files.exists(logs)) { // the rehearsal's folder from an earlier run: its logs/ and state/
        try (var files = Files.walk(logs)) {
          for (Path f : files.sorted(java.util.Comparator.reverseOrder()).filter(f -> !f.equals(logs)).toList()) {
            Files.delete(f);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    show(stage, new DesktopContext(i18n, Threads.forFx(), dialogs, runner.apply(logs), FxThreadAdapter::deliver,
        clusterStatus, opened::add), lab);
  }

  /** A window over a context the test built (its own connectors for the app tabs). */
  void show(Stage stage, DesktopContext ctx, LabLauncher lab) {
    KubeyardScene.applyTheme();
    shell = new ShellViewModel(ctx, lab);
    scene = KubeyardScene.create(shell, ctx);
    stage.setScene(scene);
    stage.setTitle("Kubeyard (UI test)");
    stage.show();
    stage.toFront();
  }

  UiHarness answer(FileDialogs.Kind kind, Path path) {
    dialogs.answer(kind, path);
    return this;
  }

  /** Replaces a text field's content the way a person does: click, then type. */
  static void type(FxRobot robot, String query, String text) {
    TextField field = robot.lookup(query).queryAs(TextField.class);
    robot.interact(field::clear);
    robot.clickOn(field).write(text);
  }

  static void waitFor(String what, Callable<Boolean> condition) {
    waitFor(what, Duration.ofSeconds(30), condition);
  }

  static void waitFor(String what, Duration atMost, Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS, condition);
    } catch (TimeoutException e) {
      throw new AssertionError("timed out waiting until " + what, e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Saves the window as target/screenshots/NAME.png. */
  Path screenshot(FxRobot robot, String name) {
    WaitForAsyncUtils.waitForFxEvents();
    Path dir = Path.of(System.getProperty("kubeyard.screenshots", "target/screenshots"));
    Path[] saved = new Path[1];
    robot.interact(() -> {
      try {
        saved[0] = PngSnapshot.save(scene, dir.resolve(name + ".png"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return saved[0];
  }
}

package dev.kubeyard.desktop;

import atlantafx.base.theme.PrimerLight;
import dev.kubeyard.desktop.shell.MainWindow;
import dev.kubeyard.desktop.shell.ShellViewModel;
import javafx.application.Application;
import javafx.scene.Scene;

/** Builds the app's scene from a context: the app and the UI tests share this. */
public final class KubeyardScene {
  public static final double WIDTH = 1180;
  public static final double HEIGHT = 800;

  private KubeyardScene() {}

  /**
   * The atlantafx Primer theme for every control; call once before the first scene. The precompiled
   * binary stylesheet (.bss) loads faster than parsing the 160 kB CSS at every start.
   */
  public static void applyTheme() {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
  }

  public static Scene create(ShellViewModel shell, DesktopContext ctx) {
    Scene scene = new Scene(new MainWindow(shell, ctx).node(), WIDTH, HEIGHT);
    scene.getStylesheets().add(KubeyardScene.class.getResource("css/kubeyard.css").toExternalForm());
    return scene;
  }
}

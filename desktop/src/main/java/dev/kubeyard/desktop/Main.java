package dev.kubeyard.desktop;

import javafx.application.Application;

/**
 * Starts the desktop app. A separate main class (not the {@link Application} itself) lets the app
 * run from a plain classpath, which is how the launcher script and jpackage start it.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Application.launch(KubeyardApp.class, args);
  }
}

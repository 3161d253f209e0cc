package dev.kubeyard.engine.run;

/** Receives engine events, on the engine's threads: a UI listener must hand them to its own thread. */
@FunctionalInterface
public interface InstallListener {
  void on(InstallEvent event);
}

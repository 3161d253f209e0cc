package dev.kubeyard.desktop.wizard.start;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** The local lab ({@code kubeyard lab up}): test hosts on this machine that install like a real site. */
public interface LabLauncher {

  /** What this machine lacks for the lab (empty when it can run): "root", package names. */
  List<String> missing();

  /** Creates and boots what is missing (minutes the first time) and returns the cluster.yaml it wrote. */
  Path up(Consumer<String> progress);
}

package dev.kubeyard.desktop.fx;

import java.nio.file.Path;
import java.util.Optional;

/** Asks the administrator for a file. The app uses native choosers; UI tests answer with fixed paths. */
public interface FileDialogs {
  /** What is being chosen, for the dialog's title and filters. */
  enum Kind { CLUSTER_YAML, HOSTS_CSV, BUNDLE, KUBECONFIG, PLAN_FOLDER }

  Optional<Path> open(Kind kind);

  Optional<Path> save(Kind kind, String suggestedName);
}

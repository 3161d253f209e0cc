package dev.kubeyard.desktop;

import dev.kubeyard.desktop.fx.FileDialogs;
import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.install.InstallRunner;
import dev.kubeyard.desktop.install.InstallViewModel;
import dev.kubeyard.desktop.manager.elasticsearch.EsConnector;
import dev.kubeyard.desktop.manager.gitlab.GitlabConnection;
import dev.kubeyard.desktop.manager.pyservice.GatewayConnection;
import dev.kubeyard.engine.k8s.ClusterStatus;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the views need from outside: the language, threads, file dialogs, the engine's runner and
 * cluster status, how to open a file for the administrator and how to reach a cluster's
 * Elasticsearch, Python service and GitLab data tier. The app builds the real
 * one; UI tests build one with fixed file answers and a rehearsal runner.
 */
public record DesktopContext(
    I18n i18n,
    Threads threads,
    FileDialogs dialogs,
    InstallRunner runner,
    InstallViewModel.EventBridge bridge,
    Function<Path, ClusterStatus> clusterStatus,
    Consumer<Path> openFile,
    EsConnector elasticsearch,
    Function<Path, GatewayConnection> pythonService,
    Function<Path, GitlabConnection> gitlab) {

  /** With the app's Elasticsearch connector (StatefulSets through the kubeconfig). */
  public DesktopContext(I18n i18n, Threads threads, FileDialogs dialogs, InstallRunner runner,
      InstallViewModel.EventBridge bridge, Function<Path, ClusterStatus> clusterStatus, Consumer<Path> openFile) {
    this(i18n, threads, dialogs, runner, bridge, clusterStatus, openFile, EsConnector.kubernetes());
  }

  /** With the app's Python service connection (the engine's deployer through the kubeconfig). */
  public DesktopContext(I18n i18n, Threads threads, FileDialogs dialogs, InstallRunner runner,
      InstallViewModel.EventBridge bridge, Function<Path, ClusterStatus> clusterStatus, Consumer<Path> openFile,
      EsConnector elasticsearch) {
    this(i18n, threads, dialogs, runner, bridge, clusterStatus, openFile, elasticsearch,
        GatewayConnection.kubernetes());
  }

  /** With the app's GitLab connection (the engine's data-tier deployer through the kubeconfig). */
  public DesktopContext(I18n i18n, Threads threads, FileDialogs dialogs, InstallRunner runner,
      InstallViewModel.EventBridge bridge, Function<Path, ClusterStatus> clusterStatus, Consumer<Path> openFile,
      EsConnector elasticsearch, Function<Path, GatewayConnection> pythonService) {
    this(i18n, threads, dialogs, runner, bridge, clusterStatus, openFile, elasticsearch, pythonService,
        GitlabConnection.kubernetes());
  }
}

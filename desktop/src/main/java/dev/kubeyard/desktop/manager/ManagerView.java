package dev.kubeyard.desktop.manager;

import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.manager.elasticsearch.ElasticsearchTabView;
import dev.kubeyard.desktop.manager.gitlab.GitlabTabView;
import dev.kubeyard.desktop.manager.pyservice.PythonServiceTabView;
import javafx.scene.Node;
import javafx.scene.control.TabPane;

/** The manager: the Cluster tab, then one tab per platform application. */
public final class ManagerView {
  private final TabPane tabs = new TabPane();

  public ManagerView(ManagerViewModel vm, I18n i18n, Runnable chooseKubeconfig) {
    tabs.setId("manager-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getTabs().add(new ClusterTabView(vm, i18n, chooseKubeconfig).tab());
    for (AppKind app : vm.apps()) {
      tabs.getTabs().add(switch (app) {
        case ELASTICSEARCH -> new ElasticsearchTabView(vm.elasticsearch(), i18n).tab();
        case GITLAB -> new GitlabTabView(vm.gitlab(), i18n).tab();
        case PYTHON_SERVICE -> new PythonServiceTabView(vm.pythonService(), i18n).tab();
        default -> new AppTabView(app, i18n).tab();
      });
    }
  }

  public Node node() {
    return tabs;
  }
}

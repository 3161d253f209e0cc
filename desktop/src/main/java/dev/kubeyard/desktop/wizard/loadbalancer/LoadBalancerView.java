package dev.kubeyard.desktop.wizard.loadbalancer;

import dev.kubeyard.desktop.fx.FormGrid;
import dev.kubeyard.desktop.fx.Ui;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.wizard.PageView;
import dev.kubeyard.desktop.wizard.SpecValidation;
import dev.kubeyard.desktop.wizard.draft.LoadBalancerDraft;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The load balancer page: VIP, interface, VRRP router id and haproxy's ports. */
public final class LoadBalancerView implements PageView {
  private final VBox root = new VBox(16);

  public LoadBalancerView(LoadBalancerViewModel vm, SpecValidation validation, I18n i18n) {
    root.getStyleClass().add("page");
    LoadBalancerDraft lb = vm.loadBalancer();
    CheckBox enabled = Ui.checkBox(i18n, "lb.enabled");
    enabled.setId("lb-enabled");
    enabled.selectedProperty().bindBidirectional(lb.enabled);
    Label single = Ui.hint(i18n, "lb.single");
    single.visibleProperty().bind(lb.enabled.not());
    single.managedProperty().bind(single.visibleProperty());

    FormGrid keepalived = new FormGrid(i18n, validation);
    keepalived.field("lb.vip", Ui.text(lb.vip), "loadBalancer.vip");
    keepalived.field("lb.interfaceName", Ui.text(lb.interfaceName), "loadBalancer.interfaceName");
    keepalived.field("lb.virtualRouterId", Ui.text(lb.virtualRouterId), "loadBalancer.virtualRouterId");
    keepalived.field("lb.advertInterval", Ui.text(lb.advertInterval), "loadBalancer.advertInterval");
    Label hosts = new Label();
    hosts.setId("lb-hosts");
    hosts.textProperty().bind(Bindings.createStringBinding(() -> vm.lbHosts().get().isEmpty()
        ? i18n.get("lb.hosts.none") : vm.lbHosts().get(), vm.lbHosts(), i18n.languageProperty()));
    keepalived.row("lb.hosts", hosts);

    FormGrid haproxy = new FormGrid(i18n, validation);
    haproxy.field("lb.apiserverPort", Ui.text(lb.apiserverPort), "loadBalancer.apiserverPort");
    haproxy.field("lb.ingressHttpPort", Ui.text(lb.ingressHttpPort), "loadBalancer.ingressHttpPort");
    haproxy.field("lb.ingressHttpsPort", Ui.text(lb.ingressHttpsPort), "loadBalancer.ingressHttpsPort");
    haproxy.field("lb.ingressHttpNodePort", Ui.text(lb.ingressHttpNodePort), "loadBalancer.ingressHttpNodePort");
    haproxy.field("lb.ingressHttpsNodePort", Ui.text(lb.ingressHttpsNodePort), "loadBalancer.ingressHttpsNodePort");
    Label masters = new Label();
    masters.textProperty().bind(vm.masters());
    haproxy.row("lb.backends", masters);

    VBox settings = new VBox(16, Ui.card(i18n, "lb.keepalived.title", keepalived.node()),
        Ui.card(i18n, "lb.haproxy.title", haproxy.node()));
    settings.disableProperty().bind(lb.enabled.not());
    root.getChildren().addAll(enabled, single, settings);
  }

  @Override
  public Node node() {
    return root;
  }
}

package dev.kubeyard.desktop.wizard.draft;

import dev.kubeyard.model.spec.Defaults;
import dev.kubeyard.model.spec.LoadBalancerSpec;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** haproxy + keepalived in front of the masters; {@code enabled} off means a single-master lab. */
public final class LoadBalancerDraft {
  public final BooleanProperty enabled = new SimpleBooleanProperty(true);
  public final StringProperty vip = new SimpleStringProperty("");
  public final StringProperty interfaceName = new SimpleStringProperty("");
  public final StringProperty virtualRouterId = new SimpleStringProperty("");
  public final StringProperty advertInterval = new SimpleStringProperty("");
  public final StringProperty apiserverPort = new SimpleStringProperty("");
  public final StringProperty ingressHttpPort = new SimpleStringProperty("");
  public final StringProperty ingressHttpsPort = new SimpleStringProperty("");
  public final StringProperty ingressHttpNodePort = new SimpleStringProperty("");
  public final StringProperty ingressHttpsNodePort = new SimpleStringProperty("");
  /** Not on the form: kept as loaded, so editing a spec in the wizard does not drop it. */
  private Integer ingressSqlServerNodePort;

  void load(LoadBalancerSpec lb) {
    enabled.set(lb != null);
    LoadBalancerSpec l = lb != null ? lb
        : Defaults.apply(Drafts.blankSpec("x")).loadBalancer();
    vip.set(Conversion.show(l.vip()));
    interfaceName.set(Conversion.show(l.interfaceName()));
    virtualRouterId.set(Conversion.show(l.virtualRouterId()));
    advertInterval.set(Conversion.show(l.advertInterval()));
    apiserverPort.set(Conversion.show(l.apiserverPort()));
    ingressHttpPort.set(Conversion.show(l.ingressHttpPort()));
    ingressHttpsPort.set(Conversion.show(l.ingressHttpsPort()));
    ingressHttpNodePort.set(Conversion.show(l.ingressHttpNodePort()));
    ingressHttpsNodePort.set(Conversion.show(l.ingressHttpsNodePort()));
    ingressSqlServerNodePort = lb == null ? null : lb.ingressSqlServerNodePort();
  }

  LoadBalancerSpec toSpec(Conversion c) {
    if (!enabled.get()) {
      return null;
    }
    return new LoadBalancerSpec(Conversion.required(vip.get()),
        c.number("loadBalancer.apiserverPort", apiserverPort.get()),
        Conversion.required(interfaceName.get()),
        c.number("loadBalancer.virtualRouterId", virtualRouterId.get()),
        c.number("loadBalancer.advertInterval", advertInterval.get()),
        c.number("loadBalancer.ingressHttpPort", ingressHttpPort.get()),
        c.number("loadBalancer.ingressHttpsPort", ingressHttpsPort.get()),
        c.number("loadBalancer.ingressHttpNodePort", ingressHttpNodePort.get()),
        c.number("loadBalancer.ingressHttpsNodePort", ingressHttpsNodePort.get()), ingressSqlServerNodePort);
  }

  List<Observable> observables() {
    return List.of(enabled, vip, interfaceName, virtualRouterId, advertInterval, apiserverPort, ingressHttpPort,
        ingressHttpsPort, ingressHttpNodePort, ingressHttpsNodePort);
  }
}

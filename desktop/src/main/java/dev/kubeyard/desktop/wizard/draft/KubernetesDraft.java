package dev.kubeyard.desktop.wizard.draft;

import dev.kubeyard.model.spec.ContainerRuntime;
import dev.kubeyard.model.spec.KubernetesSpec;
import dev.kubeyard.model.spec.NetworkSpec;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Kubernetes version, the address plan and the pod network (flannel) as they are edited. */
public final class KubernetesDraft {
  public final StringProperty version = new SimpleStringProperty("");
  public final ObjectProperty<ContainerRuntime> runtime = new SimpleObjectProperty<>(ContainerRuntime.CONTAINERD);
  /** Not on a wizard page (the lab spec sets it); kept so a loaded spec is saved as it was. */
  private Boolean restrictOomScoreAdj;
  public final StringProperty serviceCidr = new SimpleStringProperty("");
  public final StringProperty clusterCidr = new SimpleStringProperty("");
  public final StringProperty nodePortRange = new SimpleStringProperty("");
  public final StringProperty clusterDnsIp = new SimpleStringProperty("");
  public final StringProperty clusterDomain = new SimpleStringProperty("");
  public final StringProperty networkBackend = new SimpleStringProperty("vxlan");
  public final StringProperty vni = new SimpleStringProperty("");
  public final StringProperty vxlanPort = new SimpleStringProperty("");
  private String networkPlugin = "flannel";
  /** The hosts' LAN and MetalLB's addresses: not edited here yet, kept as loaded. */
  private NetworkSpec hostLan = new NetworkSpec(null, null, null, null);

  void load(KubernetesSpec k, NetworkSpec n) {
    version.set(Conversion.show(k.version()));
    runtime.set(k.containerRuntime());
    restrictOomScoreAdj = k.restrictOomScoreAdj();
    serviceCidr.set(Conversion.show(k.serviceCidr()));
    clusterCidr.set(Conversion.show(k.clusterCidr()));
    nodePortRange.set(Conversion.show(k.nodePortRange()));
    clusterDnsIp.set(Conversion.show(k.clusterDnsIp()));
    clusterDomain.set(Conversion.show(k.clusterDomain()));
    networkPlugin = n.plugin();
    hostLan = n;
    networkBackend.set(Conversion.show(n.backend()));
    vni.set(Conversion.show(n.vni()));
    vxlanPort.set(Conversion.show(n.port()));
  }

  KubernetesSpec kubernetes() {
    return new KubernetesSpec(Conversion.required(version.get()), Conversion.required(serviceCidr.get()),
        Conversion.required(clusterCidr.get()), Conversion.required(nodePortRange.get()),
        Conversion.required(clusterDnsIp.get()), Conversion.required(clusterDomain.get()), runtime.get(),
        restrictOomScoreAdj);
  }

  NetworkSpec network(Conversion c) {
    return new NetworkSpec(networkPlugin, Conversion.required(networkBackend.get()),
        c.number("network.vni", vni.get()), c.number("network.port", vxlanPort.get()), hostLan.hostSubnet(),
        hostLan.dhcpRange(), hostLan.loadBalancerAddresses());
  }

  List<Observable> observables() {
    return List.of(version, runtime, serviceCidr, clusterCidr, nodePortRange, clusterDnsIp, clusterDomain,
        networkBackend, vni, vxlanPort);
  }
}

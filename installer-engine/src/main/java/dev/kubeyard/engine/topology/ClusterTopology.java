package dev.kubeyard.engine.topology;

import dev.kubeyard.engine.facts.ApiLoadBalancer;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.facts.IngressController;
import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.engine.facts.PlatformApp;
import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * What the topology picture shows, taken from the facts only (like render, pki and plan): the hosts by role,
 * the VIP and its keepalived order, haproxy's frontends and backends, etcd, the networks and the apps.
 * {@code plan} draws it into topology.svg; the desktop draws the same model on screen.
 *
 * @param vip null without a load balancer (a single master is reached directly)
 * @param frontends haproxy's listeners in haproxy.cfg's order: the apiserver, then ingress http and https
 */
public record ClusterTopology(
    String cluster,
    String kubernetesVersion,
    Vip vip,
    List<Frontend> frontends,
    List<Host> masters,
    List<Host> etcd,
    List<Host> workers,
    String podCidr,
    String serviceCidr,
    String podNetwork,
    List<App> apps) {

  /** A machine as the picture labels it; {@code priority} is keepalived's for an lb host, else 0. */
  public record Host(String name, String address, boolean windows, int priority) {}

  /**
   * The VIP and the lb hosts that may hold it, highest keepalived priority first. That host takes the VIP
   * first; with nopreempt (ADR 17) it stays wherever a failover moved it, so the first is not always the holder.
   */
  public record Vip(String address, int virtualRouterId, List<Host> holders) {
    public Host firstHolder() {
      return holders.get(0);
    }
  }

  /** One haproxy listener: its port on the VIP and the servers it passes the TCP connections to. */
  public record Frontend(String name, int port, List<Backend> backends) {}

  public record Backend(String host, String address, int port) {}

  /** An app, what it runs, its Ingress host (null when none) and the workers its pods may land on. */
  public record App(String name, String workload, String ingressHost, List<String> runsOn) {}

  public static ClusterTopology of(ClusterFacts facts) {
    List<Host> masters = hosts(facts.withRole(Role.MASTER));
    List<Host> workers = hosts(facts.withRole(Role.NODE));
    List<Host> etcd = facts.etcdMembers().stream()
        .map(m -> new Host(m.hostName(), m.address(), false, 0)).toList();
    ApiLoadBalancer lb = facts.loadBalancer();
    Vip vip = null;
    List<Frontend> frontends = List.of();
    if (lb != null) {
      List<HostSpec> lbs = facts.withRole(Role.LB);
      List<Host> holders = new ArrayList<>();
      for (int i = 0; i < lbs.size(); i++) {
        holders.add(new Host(lbs.get(i).name(), lbs.get(i).address(), false, ApiLoadBalancer.keepalivedPriority(i)));
      }
      vip = new Vip(lb.vip(), lb.virtualRouterId(), List.copyOf(holders));
      // The same servers as haproxy.cfg: every master's apiserver, the Linux workers' ingress NodePorts.
      List<HostSpec> ingress = facts.withRole(Role.NODE).stream().filter(h -> !h.isWindows()).toList();
      List<Frontend> listening = new ArrayList<>(List.of(
          new Frontend("kube-apiserver", lb.apiserverPort(), backends(facts.withRole(Role.MASTER), ComponentPorts.APISERVER)),
          new Frontend("ingress-http", lb.ingressHttpPort(), backends(ingress, lb.ingressHttpNodePort())),
          new Frontend("ingress-https", lb.ingressHttpsPort(), backends(ingress, lb.ingressHttpsNodePort()))));
      // SQL Server's TDS has no SNI: its own port, to the controller's TCP entrypoint (haproxy's listen sqlserver)
      IngressController controller = facts.ingressController();
      if (controller != null && controller.exposesSqlServer()) {
        listening.add(new Frontend("sqlserver", controller.sqlServerPort(), backends(ingress, controller.sqlServerNodePort())));
      }
      frontends = List.copyOf(listening);
    }
    // The apps run Linux images and tolerate no master taint: they land on the untainted Linux kubelets.
    List<String> appNodes = facts.kubeletHosts().stream()
        .filter(h -> NodeRoles.runsLinuxKubelet(h) && !NodeRoles.tainted(h)).map(HostSpec::name).toList();
    List<App> apps = new ArrayList<>();
    for (PlatformApp a : facts.platformApps()) {
      apps.add(new App(a.name(), a.workload(), a.ingressHost(), appNodes));
    }
    String network = facts.network().plugin() + " " + facts.network().backend()
        + (facts.network().vxlan() ? " (VNI " + facts.network().vni() + ", UDP " + facts.network().port() + ")" : "");
    return new ClusterTopology(facts.clusterName(), facts.version().toString(), vip, frontends, masters, etcd,
        workers, facts.clusterCidr().toString(), facts.serviceCidr().toString(), network, List.copyOf(apps));
  }

  /** Every machine named on the picture, each once, in the order of the rows. */
  public List<Host> allHosts() {
    List<Host> all = new ArrayList<>(vip == null ? List.of() : vip.holders());
    for (List<Host> row : List.of(masters, etcd, workers)) {
      row.stream().filter(h -> all.stream().noneMatch(a -> a.name().equals(h.name()))).forEach(all::add);
    }
    return all;
  }

  private static List<Host> hosts(List<HostSpec> specs) {
    return specs.stream().map(h -> new Host(h.name(), h.address(), h.isWindows(), 0)).toList();
  }

  private static List<Backend> backends(List<HostSpec> hosts, int port) {
    return hosts.stream().map(h -> new Backend(h.name(), h.address(), port)).toList();
  }
}

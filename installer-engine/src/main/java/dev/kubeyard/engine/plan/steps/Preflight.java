package dev.kubeyard.engine.plan.steps;

import dev.kubeyard.engine.facts.ApiLoadBalancer;
import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.plan.HostStep;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.render.Templates;
import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a host before anything changes on it: OS and systemd, kernel, modules and sysctls, swap,
 * ports (free, or held by the component Kubeyard puts there), clock against the deployer's (the
 * executor passes KUBEYARD_DEPLOYER_EPOCH), hostname equal to the spec's name (so names are unique),
 * memory and disk for the host's roles, the host tools the node components call. Read-only: it passes (skipped) or fails listing every problem.
 */
public final class Preflight implements HostStep {
  /** Most a host's clock may differ from the deployer's; two hosts then differ by at most twice this. */
  public static final int MAX_CLOCK_SKEW_SECONDS = 2;
  static final String TEMPLATE = "os/preflight.sh";

  @Override
  public Optional<Step> plan(PlanInput in, HostSpec host) {
    if (host.isWindows()) {
      return Optional.empty();
    }
    return Optional.of(step(host, in.facts().loadBalancer()));
  }

  /** The check is the script itself; applying runs it once more so its output becomes the evidence. */
  public static Step step(HostSpec host, ApiLoadBalancer lb) {
    String script = script(host, lb);
    return new Step("preflight", Phase.PREFLIGHT, host.name(), "preflight checks", script,
        List.of(new Action.Run(script)), null);
  }

  /** The script of resources/templates/os/preflight.sh for {@code host} (shellcheck checks it, PreflightScriptTest). */
  static String script(HostSpec host, ApiLoadBalancer lb) {
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("host", host.name());
    scope.put("kubelet", NodeRoles.runsLinuxKubelet(host));
    scope.put("maxClockSkewSeconds", MAX_CLOCK_SKEW_SECONDS);
    scope.put("memoryMib", memoryMib(host));
    scope.put("diskMib", diskMib(host));
    scope.put("roles", host.roles().toString());
    scope.put("ports", ports(host, lb).entrySet().stream().map(e -> Map.of("port", e.getKey(), "owner", e.getValue())).toList());
    return Templates.render(TEMPLATE, scope).stripTrailing();
  }

  /** Memory a host needs for its roles, in MiB (small: the lab shares one machine). */
  static int memoryMib(HostSpec host) {
    int mib = 0;
    mib += host.has(Role.LB) ? 256 : 0;
    mib += host.has(Role.ETCD) ? 512 : 0;
    mib += host.has(Role.MASTER) ? 1024 : 0;
    mib += NodeRoles.runsLinuxKubelet(host) ? 1024 : 0;
    return Math.max(mib, 256);
  }

  /** Free disk under /var/lib a host needs for its roles, in MiB: etcd's data, images and pod volumes. */
  static int diskMib(HostSpec host) {
    int mib = 512;
    mib += host.has(Role.ETCD) ? 2048 : 0;
    mib += NodeRoles.runsLinuxKubelet(host) ? 4096 : 0;
    return mib;
  }

  /** Ports the host's components listen on, each with the process name that may hold it. */
  static Map<Integer, String> ports(HostSpec host, ApiLoadBalancer lb) {
    Map<Integer, String> p = new LinkedHashMap<>();
    if (host.has(Role.ETCD)) {
      p.put(ComponentPorts.ETCD_CLIENT, "etcd");
      p.put(ComponentPorts.ETCD_PEER, "etcd");
    }
    if (host.has(Role.MASTER)) {
      p.put(ComponentPorts.APISERVER, "kube-apiserver");
      p.put(ComponentPorts.CONTROLLER_MANAGER, "kube-controller");
      p.put(ComponentPorts.SCHEDULER, "kube-scheduler");
    }
    if (NodeRoles.runsLinuxKubelet(host)) {
      p.put(ComponentPorts.KUBELET, "kubelet");
      p.put(ComponentPorts.KUBELET_HEALTHZ, "kubelet");
      p.put(ComponentPorts.KUBE_PROXY_HEALTHZ, "kube-proxy");
    }
    if (host.has(Role.LB) && lb != null) {
      p.put(lb.apiserverPort(), "haproxy");
      p.put(lb.ingressHttpPort(), "haproxy");
      p.put(lb.ingressHttpsPort(), "haproxy");
    }
    return p;
  }
}

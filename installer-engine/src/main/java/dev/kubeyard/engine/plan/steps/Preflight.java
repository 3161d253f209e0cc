package dev.kubeyard.engine.plan.steps;

import dev.kubeyard.engine.facts.ApiLoadBalancer;
import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.plan.HostStep;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.ArrayList;
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

  static String script(HostSpec host, ApiLoadBalancer lb) {
    List<String> s = new ArrayList<>();
    s.add("p=0; fail() { echo \"preflight: $*\"; p=1; }");
    s.add(". /etc/os-release 2>/dev/null; case \"$ID\" in debian|ubuntu|centos|rhel|rocky|almalinux) ;;"
        + " *) fail \"unsupported OS '$ID' (Debian, Ubuntu or the CentOS/RHEL family)\";; esac");
    s.add("[ -d /run/systemd/system ] || fail \"systemd is not running as PID 1\"");
    s.add("k=$(uname -r); [ \"${k%%.*}\" -ge 4 ] || fail \"kernel $k is older than 4.x\"");
    s.add("[ -w /proc/sys/net/ipv4/ip_forward ] || fail \"net.ipv4.ip_forward cannot be set (read-only /proc/sys/net)\"");
    if (NodeRoles.runsLinuxKubelet(host)) {
      s.add("grep -qw overlay /proc/filesystems || modprobe -n -q overlay 2>/dev/null"
          + " || fail \"kernel module overlay is not available (containerd's snapshotter needs it)\"");
      s.add("[ -e /proc/sys/net/bridge/bridge-nf-call-iptables ] || modprobe -n -q br_netfilter 2>/dev/null"
          + " || fail \"kernel module br_netfilter is not available (kube-proxy and flannel need it)\"");
      s.add("[ -z \"$(swapon --noheadings 2>/dev/null)\" ] || fail \"swap is on; the kubelet refuses to run with swap"
          + " (swapoff -a and remove it from /etc/fstab)\"");
      // host tools kube-proxy, the kubelet and flannel call; every distribution's base install has them
      s.add("for t in iptables ip6tables conntrack socat nsenter ip; do command -v $t >/dev/null"
          + " || fail \"$t is missing (kube-proxy and the kubelet call it); install it from the OS packages\"; done");
    }
    s.add("[ \"$(hostname)\" = \"" + host.name() + "\" ] || fail \"hostname is '$(hostname)' but the spec calls this host '"
        + host.name() + "' (hostnamectl set-hostname " + host.name() + ")\"");
    s.add("if [ -n \"$KUBEYARD_DEPLOYER_EPOCH\" ]; then d=$(( $(date +%s) - KUBEYARD_DEPLOYER_EPOCH )); [ ${d#-} -le "
        + MAX_CLOCK_SKEW_SECONDS + " ] || fail \"the clock is ${d} s off the deployer's; start time sync (chrony/systemd-timesyncd)\"; fi");
    int mib = memoryMib(host);
    s.add("m=$(awk '/MemTotal/ {print int($2/1024)}' /proc/meminfo); [ \"$m\" -ge " + mib + " ] || fail \"" + mib
        + " MiB of memory needed for roles " + host.roles() + ", found $m MiB\"");
    int diskMib = diskMib(host);
    s.add("d=$(df -Pm /var/lib | awk 'NR==2 {print $4}'); [ \"$d\" -ge " + diskMib + " ] || fail \"" + diskMib
        + " MiB free under /var/lib needed for roles " + host.roles() + ", found $d MiB\"");
    ports(host, lb).forEach((port, owner) -> s.add("o=$(ss -Hltnp \"sport = :" + port
        + "\" 2>/dev/null | sed -n 's/.*users:((\"\\([^\"]*\\)\".*/\\1/p' | head -1); case \"$o\" in ''|" + owner
        + "*) ;; *) fail \"port " + port + " is taken by '$o' (" + owner + " needs it)\";; esac"));
    s.add("exit $p");
    return String.join("\n", s);
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

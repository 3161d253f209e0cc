package dev.kubeyard.model.validate;

import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.spec.WindowsSpec;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.List;
import java.util.Set;

/** What Windows workers require of the host list, the network and the Kubernetes version. */
final class WindowsRules implements Rule {
  private static final Set<String> SERVER_VERSIONS = Set.of("1809", "ltsc2022", "ltsc2025");

  @Override
  public void check(ClusterSpec s, Problems out) {
    boolean any = false;
    for (int i = 0; i < s.hosts().size(); i++) {
      HostSpec h = s.hosts().get(i);
      if (!h.isWindows()) {
        continue;
      }
      any = true;
      for (Role r : h.roles()) {
        if (r != Role.NODE) {
          out.add("hosts[" + i + "].roles", r.yamlName(),
              "windows host '" + h.name() + "' has role '" + r.yamlName() + "'; Windows hosts can only be 'node'",
              "move '" + r.yamlName() + "' to a Linux host");
        }
      }
      if (h.name() != null && h.name().length() > 15) {
        out.add("hosts[" + i + "].name", h.name(), "a Windows computer name has at most 15 characters",
            "shorten it, e.g. 'win1'");
      }
    }
    if (!any) {
      return;
    }
    KubernetesVersion.parse(s.kubernetes().version()).filter(v -> !v.atLeast(14)).ifPresent(v ->
        out.add("kubernetes.version", v, "Windows nodes are supported from Kubernetes 1.14", "use 1.14 or later"));
    WindowsSpec w = s.windows();
    if (!SERVER_VERSIONS.contains(w.serverVersion())) {
      out.add("windows.serverVersion", w.serverVersion(), "Windows workers run Windows Server 2019 (1809) or later",
          "use one of " + List.copyOf(new java.util.TreeSet<>(SERVER_VERSIONS)));
    }
    if ("overlay".equals(w.networkMode())) {
      if (!"vxlan".equals(s.network().backend())) {
        out.add("network.backend", s.network().backend(), "Windows overlay networking needs flannel vxlan",
            "set network.backend: vxlan");
      }
      if (!Integer.valueOf(4096).equals(s.network().vni())) {
        out.add("network.vni", s.network().vni(), "Windows overlay (win-overlay) requires VNI 4096",
            "set network.vni: 4096");
      }
      if (!Integer.valueOf(4789).equals(s.network().port())) {
        out.add("network.port", s.network().port(), "Windows overlay (win-overlay) requires UDP port 4789",
            "set network.port: 4789");
      }
    } else if ("l2bridge".equals(w.networkMode())) {
      if (!"host-gw".equals(s.network().backend())) {
        out.add("network.backend", s.network().backend(), "Windows l2bridge networking pairs with flannel host-gw",
            "set network.backend: host-gw, or windows.networkMode: overlay");
      }
    } else {
      out.add("windows.networkMode", w.networkMode(), "Windows network modes are overlay or l2bridge", "use overlay");
    }
  }
}

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
          out.add("hosts[" + i + "].roles", r.yamlName(), "windows.role", h.name(), r.yamlName());
        }
      }
      if (h.name() != null && h.name().length() > 15) {
        out.add("hosts[" + i + "].name", h.name(), "windows.name");
      }
    }
    if (!any) {
      return;
    }
    KubernetesVersion.parse(s.kubernetes().version()).filter(v -> !v.atLeast(14)).ifPresent(v ->
        out.add("kubernetes.version", v, "windows.kubernetes"));
    WindowsSpec w = s.windows();
    if (!SERVER_VERSIONS.contains(w.serverVersion())) {
      out.add("windows.serverVersion", w.serverVersion(), "windows.serverVersion",
          List.copyOf(new java.util.TreeSet<>(SERVER_VERSIONS)));
    }
    if ("overlay".equals(w.networkMode())) {
      if (!"vxlan".equals(s.network().backend())) {
        out.add("network.backend", s.network().backend(), "windows.overlayBackend");
      }
      if (!Integer.valueOf(4096).equals(s.network().vni())) {
        out.add("network.vni", s.network().vni(), "windows.overlayVni");
      }
      if (!Integer.valueOf(4789).equals(s.network().port())) {
        out.add("network.port", s.network().port(), "windows.overlayPort");
      }
    } else if ("l2bridge".equals(w.networkMode())) {
      if (!"host-gw".equals(s.network().backend())) {
        out.add("network.backend", s.network().backend(), "windows.l2bridgeBackend");
      }
    } else {
      out.add("windows.networkMode", w.networkMode(), "windows.networkMode");
    }
  }
}

package dev.kubeyard.desktop.wizard.windows;

import dev.kubeyard.desktop.wizard.draft.ClusterDraft;
import dev.kubeyard.desktop.wizard.draft.WindowsDraft;
import dev.kubeyard.model.spec.OsFamily;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;

/** Windows workers: the server build, the network mode, and what each Windows node receives. */
public final class WindowsViewModel {
  public static final List<String> SERVER_VERSIONS = List.of("1809", "ltsc2022", "ltsc2025");
  public static final List<String> NETWORK_MODES = List.of("overlay", "l2bridge");

  private final ClusterDraft draft;

  public WindowsViewModel(ClusterDraft draft) {
    this.draft = draft;
  }

  public WindowsDraft windows() {
    return draft.windows;
  }

  public BooleanBinding hasWindowsHosts() {
    return Bindings.createBooleanBinding(draft::anyWindowsHost, draft.hosts);
  }

  public StringBinding windowsHosts() {
    return Bindings.createStringBinding(() -> draft.hosts.stream().filter(h -> h.os.get() == OsFamily.WINDOWS)
        .map(h -> h.name.get()).collect(Collectors.joining(", ")), draft.hosts);
  }

  /**
   * What the install puts on each Windows node, as message keys: the runtime follows the Kubernetes
   * line (Docker EE before 1.24, containerd after), the network pieces follow the network mode.
   */
  public ObjectBinding<List<String>> installedItems() {
    return Bindings.createObjectBinding(() -> {
      List<String> items = new ArrayList<>();
      boolean legacy = KubernetesVersion.parse(draft.kubernetes.version.get()).map(v -> !v.atLeast(24)).orElse(true);
      items.add(legacy ? "windows.item.docker" : "windows.item.containerd");
      items.add("windows.item.kubelet");
      items.add("overlay".equals(draft.windows.networkMode.get()) ? "windows.item.overlay" : "windows.item.l2bridge");
      items.add("windows.item.pki");
      return items;
    }, draft.kubernetes.version, draft.windows.networkMode);
  }
}

package dev.kubeyard.desktop.wizard.versions;

import dev.kubeyard.desktop.wizard.draft.ClusterDraft;
import dev.kubeyard.desktop.wizard.draft.KubernetesDraft;
import dev.kubeyard.model.spec.ContainerRuntime;
import dev.kubeyard.model.version.KubernetesVersion;
import dev.kubeyard.model.version.SupportedLines;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.StringProperty;

/** The Kubernetes line (1.14 or the current one), the container runtime and the offline bundle. */
public final class VersionsViewModel {
  /** The two lines Kubeyard installs. */
  public enum Line { LEGACY, CURRENT, OTHER }

  private final ClusterDraft draft;

  private final ObjectBinding<Line> line;

  public VersionsViewModel(ClusterDraft draft) {
    this.draft = draft;
    this.line = Bindings.createObjectBinding(() -> KubernetesVersion.parse(draft.kubernetes.version.get())
        .map(v -> v.line().equals("1.14") ? Line.LEGACY : Line.CURRENT).orElse(Line.OTHER), draft.kubernetes.version);
  }

  public KubernetesDraft kubernetes() {
    return draft.kubernetes;
  }

  public StringProperty bundlePath() {
    return draft.bundlePath;
  }

  /** One instance, held here, so a view may listen to it without it being garbage collected. */
  public ObjectBinding<Line> line() {
    return line;
  }

  /** Picks a line's tested version and the runtime that line uses (dockershim is gone from 1.24). */
  public void choose(Line line) {
    if (line == Line.OTHER) {
      return;
    }
    draft.kubernetes.version.set(line == Line.LEGACY ? SupportedLines.LEGACY : SupportedLines.CURRENT);
    draft.kubernetes.runtime.set(line == Line.LEGACY ? ContainerRuntime.DOCKER : ContainerRuntime.CONTAINERD);
  }

  /** {@code kubeyard bundle verify} comes from the bundle branch; until it is on main this stays off. */
  public boolean bundleVerifyAvailable() {
    return false;
  }
}

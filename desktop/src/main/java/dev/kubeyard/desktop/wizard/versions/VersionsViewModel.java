package dev.kubeyard.desktop.wizard.versions;

import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.wizard.SpecValidation;
import dev.kubeyard.desktop.wizard.draft.ClusterDraft;
import dev.kubeyard.desktop.wizard.draft.KubernetesDraft;
import dev.kubeyard.engine.bundle.BundleProblem;
import dev.kubeyard.engine.bundle.verify.BundleVerifier;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.ContainerRuntime;
import dev.kubeyard.model.version.KubernetesVersion;
import dev.kubeyard.model.version.SupportedLines;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;

/** The Kubernetes line (1.14 or the current one), the container runtime and the offline bundle. */
public final class VersionsViewModel {
  /** The two lines Kubeyard installs. */
  public enum Line { LEGACY, CURRENT, OTHER }

  private final ClusterDraft draft;

  private final ObjectBinding<Line> line;
  private final Threads threads;
  private final SpecValidation validation;
  private final ObjectProperty<BundleVerifier.Report> bundleReport = new SimpleObjectProperty<>(this, "bundleReport");
  private final BooleanProperty verifying = new SimpleBooleanProperty(this, "verifying");

  public VersionsViewModel(ClusterDraft draft, SpecValidation validation, Threads threads) {
    this.draft = draft;
    this.validation = validation;
    this.threads = threads;
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

  /**
   * Picks a line's tested version and containerd, the runtime the bundle carries for every line (ADR 33);
   * Docker stays a choice before 1.24 for sites that bring their own.
   */
  public void choose(Line line) {
    if (line == Line.OTHER) {
      return;
    }
    draft.kubernetes.version.set(line == Line.LEGACY ? SupportedLines.LEGACY : SupportedLines.CURRENT);
    draft.kubernetes.runtime.set(ContainerRuntime.CONTAINERD);
  }

  /**
   * {@code kubeyard bundle verify}: every file's checksum and platform, and, while the spec is valid,
   * that the bundle holds everything this cluster needs at its Kubernetes version.
   */
  public void verifyBundle() {
    String path = draft.bundlePath.get();
    if (path == null || path.isBlank()) {
      return;
    }
    ClusterSpec spec = validation.valid().get() ? validation.specProperty().get() : null;
    verifying.set(true);
    bundleReport.set(null);
    threads.run(() -> BundleVerifier.verify(Path.of(path.strip()), spec), r -> {
      verifying.set(false);
      bundleReport.set(r);
    }, e -> {
      verifying.set(false);
      bundleReport.set(new BundleVerifier.Report(null, List.of(new BundleProblem(path, e.getMessage(), "choose the bundle folder"))));
    });
  }

  public ObjectProperty<BundleVerifier.Report> bundleReportProperty() {
    return bundleReport;
  }

  public BooleanProperty verifyingProperty() {
    return verifying;
  }
}

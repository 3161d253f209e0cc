package dev.kubeyard.desktop.wizard.review;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.ManifestJson;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.plan.BundleForPlan;
import java.nio.file.Path;

/**
 * The offline bundle an install will use, found as {@code kubeyard apply} finds it
 * ({@link BundleForPlan#locate}): the folder chosen, else the newest built on this machine for the spec's
 * Kubernetes version. {@code folder} is null when there is none; {@code unreadable} says why a chosen
 * folder is not a bundle. Whether it can install the spec is checked when the plan is written.
 */
public record BundleChoice(Path folder, String kubernetesVersion, String wantedVersion, boolean chosen, String unreadable) {

  /** Reads the bundle's manifest: call it off the FX thread. */
  public static BundleChoice locate(String chosenFolder, ClusterFacts facts) {
    boolean chosen = chosenFolder != null && !chosenFolder.isBlank();
    Path given = chosen ? Path.of(chosenFolder.strip()) : null;
    Path folder = BundleForPlan.locate(given, facts).orElse(null);
    if (folder == null) {
      return new BundleChoice(null, null, facts.version().toString(), false, null);
    }
    try {
      return new BundleChoice(folder, ManifestJson.read(folder).kubernetesVersion(), facts.version().toString(), chosen, null);
    } catch (BundleException e) {
      return new BundleChoice(null, null, facts.version().toString(), chosen, e.getMessage());
    }
  }

  /** A bundle was found (its contents are verified against the spec when the plan is written). */
  public boolean found() {
    return folder != null;
  }
}

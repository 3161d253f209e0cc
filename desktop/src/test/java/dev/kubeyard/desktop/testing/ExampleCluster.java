package dev.kubeyard.desktop.testing;

import dev.kubeyard.desktop.wizard.WizardViewModel;
import dev.kubeyard.model.spec.SpecYaml;

/** A wizard with the repository's example cluster loaded (the original notes' topology). */
public final class ExampleCluster {
  private ExampleCluster() {}

  public static void load(WizardViewModel wizard) {
    wizard.draft().load(SpecYaml.read(Fixtures.exampleClusterYaml()).spec());
  }
}

package dev.kubeyard.desktop.testing;

import dev.kubeyard.desktop.wizard.review.PlanPreview;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.model.spec.SpecYaml;
import dev.kubeyard.model.validate.Validator;

/** The engine's real install plan for the repository's example cluster. */
public final class ExamplePlan {
  private ExamplePlan() {}

  public static Plan plan() {
    return PlanPreview.of(Validator.validate(SpecYaml.read(Fixtures.exampleClusterYaml()).spec()).validSpec()).plan();
  }
}

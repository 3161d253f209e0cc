package dev.kubeyard.engine.plan;

import dev.kubeyard.engine.testing.ExamplePlans;
import dev.kubeyard.engine.testing.Golden;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.model.spec.ClusterSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example cluster's plan.txt on both lines equals its golden copy: every command that runs as root on
 * a host (check, apply, verify) is reviewed in a diff like the rendered files. PKI files and bundle
 * artifacts carry stand-in hashes ({@link ExamplePlans}).
 */
class PlanGoldenTest {

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void thePlanOfTheExampleClusterMatchesItsGoldenCopy(String line) {
    ClusterSpec spec = line.equals("1.14") ? Specs.legacy() : Specs.current();
    Plan plan = ExamplePlans.plan(spec, ExamplePlans.bundle(spec.kubernetes().version()));
    Golden.assertMatches("plan/" + line + "/plan.txt", PlanText.format(plan));
  }
}

package dev.kubeyard.engine.topology;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.testing.Golden;
import dev.kubeyard.engine.testing.Specs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The example cluster's topology.svg on both lines equals its golden copy: the picture is reviewed in a diff. */
class TopologySvgGoldenTest {

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void thePictureOfTheExampleClusterMatchesItsGoldenCopy(String line) {
    ClusterFacts facts = ClusterFacts.of(line.equals("1.14") ? Specs.legacy() : Specs.current());
    Golden.assertMatches("topology/" + line + "/topology.svg", TopologySvg.of(facts));
  }
}

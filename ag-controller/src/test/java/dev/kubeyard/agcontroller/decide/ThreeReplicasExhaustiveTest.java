package dev.kubeyard.agcontroller.decide;

import static dev.kubeyard.agcontroller.decide.Replicas.CONFIG;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** decide() on every combination of three replicas' states (ObservationSpace) and every label. */
class ThreeReplicasExhaustiveTest {
  private static PropertyTally tally;

  @BeforeAll
  static void decideEveryCombination() {
    tally = PropertyTally.timed(CONFIG, each -> ObservationSpace.everyObservation(3, each));
    System.out.println("3 replicas, every combination: " + tally);
  }

  @Test
  void everyCombinationOfThreeReplicasAndEveryLabelIsDecided() {
    assertThat(tally.rounds).isEqualTo(ObservationSpace.size(3));
  }

  @ParameterizedTest(name = "no combination of three replicas breaks {0}")
  @EnumSource(Property.class)
  void noCombinationOfThreeReplicasBreaks(Property property) {
    assertThat(tally.examples(property)).as("%s, broken %d times", property, tally.broken(property)).isEmpty();
  }

  @Test
  void theCombinationsPromoteFenceWaitBlockAndReturnReplicasToSecondarySoThePropertiesAreNotVacuous() {
    assertThat(tally.promotions).isPositive();
    assertThat(tally.offlineFences).isPositive();
    assertThat(tally.podDeletions).isPositive();
    assertThat(tally.blocked).isPositive();
    assertThat(tally.waitsForMajority).isPositive();
    assertThat(tally.returnsToSecondary).isPositive();
  }
}

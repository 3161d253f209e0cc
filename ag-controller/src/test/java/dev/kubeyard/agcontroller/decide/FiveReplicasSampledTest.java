package dev.kubeyard.agcontroller.decide;

import static dev.kubeyard.agcontroller.decide.Replicas.CONFIG;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Five replicas have 72^5 * 6 combinations (about 1.2 * 10^10): too many to try, so a reproducible sample
 * of them, with RSSTC on the primary and refused failovers drawn too.
 */
class FiveReplicasSampledTest {
  static final long SAMPLES = 500_000;
  private static PropertyTally tally;

  @BeforeAll
  static void decideASample() {
    tally = PropertyTally.timed(CONFIG, each -> ObservationSpace.sample(5, SAMPLES, 40, each));
    System.out.println("5 replicas, sampled: " + tally);
  }

  @ParameterizedTest(name = "no sampled state of five replicas breaks {0}")
  @EnumSource(Property.class)
  void noSampledStateOfFiveReplicasBreaks(Property property) {
    assertThat(tally.rounds).isEqualTo(SAMPLES);
    assertThat(tally.examples(property)).as("%s, broken %d times", property, tally.broken(property)).isEmpty();
    assertThat(tally.promotions).isPositive();
  }
}

package dev.kubeyard.agcontroller.decide;

import static dev.kubeyard.agcontroller.decide.Replicas.CONFIG;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * What the exhaustive test relies on when it does not vary a field: changing it changes no decision.
 * Each test draws observations, changes the field at random and compares the decisions.
 */
class FieldsTheRulesDoNotReadTest {
  private static final int SAMPLES = 100_000;

  private static long sameDecisions(long seed, BiFunction<ReplicaState, Random, ReplicaState> change) {
    Random random = new Random(seed);
    long[] compared = {0};
    ObservationSpace.sample(3, SAMPLES, seed, o -> {
      List<ReplicaState> changed = o.replicas().stream().map(r -> change.apply(r, random)).toList();
      Observation again = new Observation(o.now(), changed, o.labelledPrimary(), o.rsstcOnPrimary(), o.failoverRefused());
      assertThat(FailoverRules.decide(again, CONFIG)).as("%s", o).isEqualTo(FailoverRules.decide(o, CONFIG));
      compared[0]++;
    });
    return compared[0];
  }

  @Test
  void theOrderTheReplicasAreListedInChangesNoDecision() {
    Random random = new Random(7);
    long[] compared = {0};
    ObservationSpace.sample(3, SAMPLES, 41, o -> {
      List<ReplicaState> shuffled = new ArrayList<>(o.replicas());
      Collections.shuffle(shuffled, random);
      Observation again = new Observation(o.now(), shuffled, o.labelledPrimary(), o.rsstcOnPrimary(), o.failoverRefused());
      assertThat(FailoverRules.decide(again, CONFIG)).as("%s", o).isEqualTo(FailoverRules.decide(o, CONFIG));
      compared[0]++;
    });
    assertThat(compared[0]).isEqualTo(SAMPLES);
  }

  /** After the primary is lost every secondary says NOT_SYNCHRONIZING; the automatic rules must not care. */
  @Test
  void theSynchronizationStateTheDmvsReportChangesNoAutomaticDecision() {
    SynchronizationState[] states = SynchronizationState.values();
    assertThat(sameDecisions(42, (r, random) -> Replicas.with(r, states[random.nextInt(states.length)])))
        .isEqualTo(SAMPLES);
  }

  @Test
  void aLeaseRecordOnAReplicaAnsweringAsSecondaryOrResolvingChangesNoDecision() {
    assertThat(sameDecisions(43, (r, random) -> r.answered() && r.role() != Role.PRIMARY
        ? Replicas.withLease(r, ObservationSpace.LEASES.get(random.nextInt(3))) : r)).isEqualTo(SAMPLES);
  }

  @Test
  void theSequenceNumberAndHealthOfAReplicaThatDidNotReportItsRoleChangeNoDecision() {
    Health[] healths = Health.values();
    assertThat(sameDecisions(44, (r, random) -> r.answered() ? r
        : new ReplicaState(r.name(), r.reachable(), r.role(), r.mode(), r.synchronization(), random.nextInt(3),
            healths[random.nextInt(healths.length)], r.leaseRenewedAt()))).isEqualTo(SAMPLES);
  }
}

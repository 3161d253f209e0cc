package dev.kubeyard.agcontroller.decide;

import static dev.kubeyard.agcontroller.decide.Replicas.CONFIG;
import static dev.kubeyard.agcontroller.decide.Replicas.FRESH;
import static dev.kubeyard.agcontroller.decide.Replicas.RUN_OUT;
import static dev.kubeyard.agcontroller.decide.Replicas.ag;
import static dev.kubeyard.agcontroller.decide.Replicas.primary;
import static dev.kubeyard.agcontroller.decide.Replicas.secondary;
import static dev.kubeyard.agcontroller.decide.Replicas.unreachable;
import static dev.kubeyard.agcontroller.decide.Replicas.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.agcontroller.decide.Decision.Fence;
import dev.kubeyard.agcontroller.decide.Decision.LabelPrimary;
import dev.kubeyard.agcontroller.decide.Decision.Promote;
import dev.kubeyard.agcontroller.decide.Decision.RenewLease;
import dev.kubeyard.agcontroller.decide.Decision.SetRsstc;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** decideManual: a planned failover names its target and says whether it is safe now, and why not. */
class PlannedFailoverTest {

  private static ManualFailover plan(Observation o, String target) {
    return FailoverRules.decideManual(o, CONFIG, target);
  }

  @Test
  void aSynchronizedSecondaryIsSafeAndTheOldPrimaryIsTakenOfflineBeforeThePromotion() {
    ManualFailover m = plan(ag("r1", primary("r1", 7), secondary("r2", 7), secondary("r3", 7)), "r2");
    assertThat(m.safeNow()).isTrue();
    assertThat(m.reasons()).isEmpty();
    assertThat(m.warnings()).isEmpty();
    assertThat(m.steps()).containsExactly(new Fence("r1", FenceMethod.OFFLINE),
        new RenewLease("r2", CONFIG.writeLeaseValidity()), new Promote("r2"), new SetRsstc("r2", 1),
        new LabelPrimary("r2"));
  }

  @Test
  void aSynchronizingSecondaryIsNotSafeAndTheReasonSaysToWaitUntilItIsSynchronized() {
    ManualFailover m = plan(ag("r1", primary("r1", 7),
        with(secondary("r2", 7), SynchronizationState.SYNCHRONIZING), secondary("r3", 7)), "r2");
    assertThat(m.safeNow()).isFalse();
    assertThat(m.steps()).isEmpty();
    assertThat(m.reasons()).containsExactly("r2 is SYNCHRONIZING, not SYNCHRONIZED: it may not have hardened every"
        + " commit the primary acknowledged; wait until it is SYNCHRONIZED");
  }

  @Test
  void anAsynchronousSecondaryIsNotSafe() {
    ManualFailover m = plan(ag("r1", primary("r1", 7), secondary("r2", 7),
        with(secondary("r3", 7), AvailabilityMode.ASYNCHRONOUS_COMMIT)), "r3");
    assertThat(m.reasons()).containsExactly("r3 is asynchronous-commit and may miss acknowledged commits");
  }

  @Test
  void withoutAHealthyPrimaryThePlannedFailoverLeavesTheChoiceToTheAutomaticRules() {
    ManualFailover m = plan(ag("r1", unreachable("r1", RUN_OUT), secondary("r2", 7), secondary("r3", 7)), "r2");
    assertThat(m.safeNow()).isFalse();
    assertThat(m.reasons()).containsExactly(
        "there is no healthy primary to hand over from; the automatic failover decides who is promoted");
  }

  @Test
  void thePrimaryItselfAndAnUnknownNameAreNoTargets() {
    Observation o = ag("r1", primary("r1", 7), secondary("r2", 7), secondary("r3", 7));
    assertThat(plan(o, "r1").reasons()).containsExactly("r1 is already the primary");
    assertThat(plan(o, "r9").reasons()).containsExactly("there is no replica named r9");
  }

  @Test
  void aFailoverThatLeavesTooFewSynchronizedSecondariesIsSafeButWarnsThatWritesWait() {
    ManualFailover m = plan(ag("r1", primary("r1", 7), secondary("r2", 7), unreachable("r3", java.util.Optional.empty())),
        "r2");
    assertThat(m.safeNow()).isTrue();
    assertThat(m.warnings()).containsExactly("after the failover 0 other secondaries are SYNCHRONIZED and"
        + " REQUIRED_SYNCHRONIZED_SECONDARIES_TO_COMMIT is 1: writes wait until r1 has caught up as a secondary");
  }

  @Test
  void aReplicaThatMayStillWriteOutOfReachMakesEveryPlannedFailoverUnsafe() {
    ManualFailover m = plan(ag("r1", primary("r1", 7), secondary("r2", 7), unreachable("r3", FRESH)), "r2");
    assertThat(m.safeNow()).isFalse();
    assertThat(m.reasons()).singleElement().asString().startsWith("r3 does not answer and may hold a write lease");
  }

  /**
   * Sampled over three and five replicas, every target, the DMV state drawn too: a failover called safe
   * targets a SYNCHRONIZED synchronous SECONDARY with the highest sequence number, handed over from a healthy
   * primary, and its steps keep every property of an automatic round.
   */
  @Test
  void everyFailoverCalledSafeTargetsASynchronizedSecondaryAndItsStepsKeepEveryProperty() {
    Set<Property> kept = EnumSet.of(Property.NEVER_TWO_WRITABLE_PRIMARIES,
        Property.NEVER_PROMOTES_A_REPLICA_BEHIND_ANOTHER_REPORTED_ONE,
        Property.NEVER_PROMOTES_WITHOUT_A_MAJORITY_REPORTED,
        Property.PROMOTES_ONLY_A_HEALTHY_SYNCHRONOUS_SECONDARY_NOT_REFUSED_BEFORE,
        Property.FENCES_EVERY_OTHER_WRITER_BEFORE_A_PROMOTION_OR_A_RENEWAL,
        Property.THE_LABEL_FOLLOWS_THE_PRIMARY);
    Random random = new Random(9);
    SynchronizationState[] states = SynchronizationState.values();
    List<String> broken = new ArrayList<>();
    long[] safe = {0};
    for (int replicas : new int[] {3, 5}) {
      ObservationSpace.sample(replicas, 150_000, 43 + replicas, sampled -> {
        Observation o = new Observation(sampled.now(), sampled.replicas().stream()
            .map(r -> with(r, states[random.nextInt(states.length)])).toList(),
            sampled.labelledPrimary(), sampled.rsstcOnPrimary(), sampled.failoverRefused());
        String target = o.replicas().get(random.nextInt(replicas)).name();
        ManualFailover m = FailoverRules.decideManual(o, CONFIG, target);
        if (!m.safeNow()) {
          return;
        }
        safe[0]++;
        ReplicaState t = o.replica(target).orElseThrow();
        if (!(t.answersAs(Role.SECONDARY) && t.synchronization() == SynchronizationState.SYNCHRONIZED
            && FailoverRules.primaryToKeep(o, CONFIG).isPresent())) {
          broken.add("unsafe target " + target + " in " + o);
        }
        Round round = new Round(o, CONFIG, m.steps());
        kept.forEach(p -> p.broken(round).ifPresent(why -> broken.add(p + ": " + why + " in " + round)));
      });
    }
    assertThat(broken).isEmpty();
    assertThat(safe[0]).isPositive();
  }
}

package dev.kubeyard.agcontroller.decide;

import static dev.kubeyard.agcontroller.decide.Replicas.CONFIG;
import static dev.kubeyard.agcontroller.decide.Replicas.FRESH;
import static dev.kubeyard.agcontroller.decide.Replicas.NOW;
import static dev.kubeyard.agcontroller.decide.Replicas.RUN_OUT;
import static dev.kubeyard.agcontroller.decide.Replicas.ag;
import static dev.kubeyard.agcontroller.decide.Replicas.primary;
import static dev.kubeyard.agcontroller.decide.Replicas.resolving;
import static dev.kubeyard.agcontroller.decide.Replicas.secondary;
import static dev.kubeyard.agcontroller.decide.Replicas.unreachable;
import static dev.kubeyard.agcontroller.decide.Replicas.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.agcontroller.decide.Decision.Blocked;
import dev.kubeyard.agcontroller.decide.Decision.Fence;
import dev.kubeyard.agcontroller.decide.Decision.LabelPrimary;
import dev.kubeyard.agcontroller.decide.Decision.Promote;
import dev.kubeyard.agcontroller.decide.Decision.RenewLease;
import dev.kubeyard.agcontroller.decide.Decision.ReturnToSecondary;
import dev.kubeyard.agcontroller.decide.Decision.SetRsstc;
import dev.kubeyard.agcontroller.decide.Decision.WaitForMajority;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The common cases, one sentence each. */
class FailoverScenariosTest {
  private static final Duration LEASE = CONFIG.writeLeaseValidity();

  private static List<Decision> decide(Observation o) {
    return FailoverRules.decide(o, CONFIG);
  }

  @Test
  void aHealthyLabelledPrimaryOnlyHasItsLeaseRenewed() {
    assertThat(decide(ag("r1", primary("r1", 7), secondary("r2", 7), secondary("r3", 7))))
        .containsExactly(new RenewLease("r1", LEASE));
  }

  @Test
  void aPrimaryRunningWithoutTheQuorumsRsstcGetsItSetToOneOfThree() {
    Observation o = new Observation(NOW, List.of(primary("r1", 7), secondary("r2", 7), secondary("r3", 7)),
        Optional.of("r1"), OptionalInt.of(0), Set.of());
    assertThat(decide(o)).containsExactly(new RenewLease("r1", LEASE), new SetRsstc("r1", 1));
  }

  @Test
  void anUnreachablePrimaryThatMayStillHoldItsLeaseIsWaitedOutWhileItsPodIsDeleted() {
    List<Decision> d = decide(ag("r1", unreachable("r1", FRESH), secondary("r2", 7), secondary("r3", 7)));
    assertThat(d).hasSize(2);
    assertThat(d.get(0)).isEqualTo(new Fence("r1", FenceMethod.DELETE_POD));
    assertThat(d.get(1).describe())
        .contains("r1 does not answer and may hold a write lease until " + CONFIG.leaseSurelyOverAt(FRESH.get()));
  }

  /** Only after a lost lease record (a new controller instance assumes every replica renewed at takeover). */
  @Test
  void aReplicaOutOfReachThatMayStillWriteHasTheAnsweringPrimaryTakenOfflineSoTwoWritersNeverOverlap() {
    List<Decision> d = decide(ag("r2", unreachable("r1", FRESH), primary("r2", 7), secondary("r3", 7)));
    assertThat(d).startsWith(new Fence("r2", FenceMethod.OFFLINE), new Fence("r1", FenceMethod.DELETE_POD));
    assertThat(d).last().isInstanceOf(Blocked.class);
    assertThat(d).doesNotContain(new RenewLease("r2", LEASE));
  }

  @Test
  void anUnreachablePrimaryWhoseLeaseRanOutIsReplacedByTheSecondaryWithTheHighestSequenceNumber() {
    List<Decision> d = decide(ag("r1", unreachable("r1", RUN_OUT), secondary("r2", 6), secondary("r3", 7)));
    assertThat(d).containsExactly(new RenewLease("r3", LEASE), new Promote("r3"), new SetRsstc("r3", 1),
        new LabelPrimary("r3"));
  }

  @Test
  void anUnhealthyPrimaryIsTakenOfflineBeforeASecondaryIsPromoted() {
    List<Decision> d = decide(ag("r1", with(primary("r1", 7), Health.CRITICAL_ERROR), secondary("r2", 7),
        secondary("r3", 7)));
    assertThat(d).startsWith(new Fence("r1", FenceMethod.OFFLINE), new RenewLease("r2", LEASE), new Promote("r2"));
  }

  @Test
  void aModerateErrorFailsThePrimaryOnlyWhenTheThresholdIsModerate() {
    Observation o = ag("r1", with(primary("r1", 7), Health.MODERATE_ERROR), secondary("r2", 7), secondary("r3", 7));
    FailoverConfig strict = new FailoverConfig(OptionalInt.empty(), Health.MODERATE_ERROR, LEASE,
        CONFIG.leaseSafetyMargin());
    assertThat(FailoverRules.decide(o, CONFIG)).containsExactly(new RenewLease("r1", LEASE));
    assertThat(FailoverRules.decide(o, strict)).contains(new Fence("r1", FenceMethod.OFFLINE), new Promote("r2"));
  }

  @Test
  void aSecondaryBehindAnUnhealthyOneIsNotPromotedAndTheReasonNamesBoth() {
    List<Decision> d = decide(ag("r1", unreachable("r1", RUN_OUT), secondary("r2", 6),
        with(secondary("r3", 7), Health.CRITICAL_ERROR)));
    assertThat(d).hasSize(1).first().isInstanceOf(Blocked.class);
    assertThat(d.get(0).describe()).contains("r2 is behind: sequence number 6 < 7").contains("r3 is unhealthy");
  }

  @Test
  void withOneOfThreeReplicasReportingNothingIsPromoted() {
    List<Decision> d = decide(ag("r1", unreachable("r1", RUN_OUT), unreachable("r2", Optional.empty()),
        secondary("r3", 7)));
    assertThat(d).containsExactly(new WaitForMajority(1, 2, 3));
    assertThat(d.get(0).describe()).isEqualTo("wait: 1 of 3 synchronous-commit replicas reported a sequence number;"
        + " 2 must report before a replica may be promoted");
  }

  @Test
  void anAsynchronousReplicaIsNeverPromotedEvenWithTheHighestSequenceNumber() {
    List<Decision> d = decide(ag("r1", unreachable("r1", RUN_OUT), secondary("r2", 7), secondary("r3", 7),
        with(secondary("r4", 9), AvailabilityMode.ASYNCHRONOUS_COMMIT)));
    assertThat(d).contains(new Promote("r2")).doesNotContain(new Promote("r4"));
  }

  @Test
  void withTwoSynchronousReplicasLeftTheLossOfThePrimaryLeavesTooFewToReport() {
    List<Decision> d = decide(ag("r1", unreachable("r1", RUN_OUT), secondary("r2", 7),
        with(secondary("r3", 7), AvailabilityMode.ASYNCHRONOUS_COMMIT)));
    assertThat(d).containsExactly(new WaitForMajority(1, 2, 2));
  }

  @Test
  void aResolvingReplicaStaysResolvingWhileThereIsNoPrimaryAndReturnsToSecondaryOnceThereIs() {
    Observation noPrimary = ag("r1", unreachable("r1", FRESH), resolving("r2", 7), secondary("r3", 7));
    Observation withPrimary = ag("r1", primary("r1", 7), resolving("r2", 7), secondary("r3", 7));
    assertThat(decide(noPrimary)).doesNotContain(new ReturnToSecondary("r2"));
    assertThat(decide(withPrimary)).containsExactly(new RenewLease("r1", LEASE), new ReturnToSecondary("r2"));
  }

  @Test
  void aResolvingReplicaWithTheHighestSequenceNumberIsPromotedAndTheOtherResolvingOneReturnsToSecondary() {
    List<Decision> d = decide(ag("r1", unreachable("r1", RUN_OUT), resolving("r2", 7), resolving("r3", 6)));
    assertThat(d).containsExactly(new RenewLease("r2", LEASE), new Promote("r2"), new SetRsstc("r2", 1),
        new LabelPrimary("r2"), new ReturnToSecondary("r3"));
  }

  @Test
  void aSecondPrimaryTheLabelDoesNotNameIsTakenOffline() {
    assertThat(decide(ag("r1", primary("r1", 7), primary("r2", 6), secondary("r3", 7))))
        .containsExactly(new Fence("r2", FenceMethod.OFFLINE), new RenewLease("r1", LEASE));
  }

  @Test
  void aPrimaryPromotedBeforeTheControllerRestartedIsAdoptedAndLabelled() {
    assertThat(decide(ag("r1", unreachable("r1", RUN_OUT), primary("r2", 8), secondary("r3", 8))))
        .containsExactly(new RenewLease("r2", LEASE), new LabelPrimary("r2"));
  }

  @Test
  void aReplicaWhoseFailoverWasRefusedIsPassedOverForTheNextWithTheSameSequenceNumber() {
    Observation o = new Observation(NOW, List.of(unreachable("r1", RUN_OUT), secondary("r2", 7), secondary("r3", 7)),
        Optional.of("r1"), OptionalInt.empty(), Set.of("r2"));
    assertThat(decide(o)).contains(new Promote("r3")).doesNotContain(new Promote("r2"));
  }

  @Test
  void theRsstcFollowsTheNumberOfSynchronousReplicasUnlessOverridden() {
    assertThat(CONFIG.rsstcFor(2)).isZero();
    assertThat(CONFIG.rsstcFor(3)).isEqualTo(1);
    assertThat(CONFIG.rsstcFor(5)).isEqualTo(2);
    FailoverConfig two = new FailoverConfig(OptionalInt.of(2), Health.CRITICAL_ERROR, LEASE, Duration.ZERO);
    assertThat(two.rsstcFor(3)).isEqualTo(2);
  }

  @Test
  void aThresholdOfHealthyOrANonPositiveLeaseIsRefused() {
    assertThatThrownBy(() -> new FailoverConfig(OptionalInt.empty(), Health.HEALTHY, LEASE, Duration.ZERO))
        .hasMessageContaining("HEALTHY");
    assertThatThrownBy(() -> new FailoverConfig(OptionalInt.empty(), Health.CRITICAL_ERROR, Duration.ZERO,
        Duration.ZERO)).hasMessageContaining("positive");
  }
}

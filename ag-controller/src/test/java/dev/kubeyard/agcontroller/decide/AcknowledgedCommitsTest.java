package dev.kubeyard.agcontroller.decide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.agcontroller.decide.CommitModel.Exploration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Never an acknowledged commit lost under RSSTC >= 1: every history of commits, disconnections, crashes and
 * configuration changes up to a depth is followed by a crash of the primary, the rules decide, and the
 * replica promoted must hold every acknowledged commit (CommitModel says what is assumed of SQL Server).
 * The last tests show the model can lose commits, so that the first ones are not true by construction.
 */
class AcknowledgedCommitsTest {

  private static Exploration explore(int replicas, int rsstc, int commits, int depth) {
    Exploration e = new CommitModel(replicas, rsstc, commits).explore(depth, FailoverRules::decide);
    System.out.printf("commit model, %d replicas, RSSTC %d, %d commits, depth %d: %,d states, %,d crashes decided,"
            + " %,d promotions (%,d after acknowledged commits), %,d FAILOVERs refused, %,d losses%n",
        replicas, rsstc, commits, depth, e.states(), e.crashes(), e.promotions(),
        e.promotionsAfterAcknowledgedCommits(), e.refusedFailovers(), e.losses());
    return e;
  }

  /** No loss, and promotions after acknowledged commits happened, so the check had something to check. */
  private static Exploration assertEveryPromotedReplicaHoldsEveryAcknowledgedCommit(Exploration e) {
    assertThat(e.lossStories()).isEmpty();
    assertThat(e.losses()).isZero();
    assertThat(e.promotionsAfterAcknowledgedCommits()).isPositive();
    return e;
  }

  @Test
  void withThreeReplicasAndRsstcOneThePromotedReplicaHoldsEveryAcknowledgedCommitAfterEveryHistory() {
    Exploration e = assertEveryPromotedReplicaHoldsEveryAcknowledgedCommit(explore(3, 1, 3, 16));
    assertThat(e.refusedFailovers()).as("FAILOVER refused and the next candidate tried").isPositive();
  }

  @Test
  void withThreeReplicasAndRsstcTwoThePromotedReplicaHoldsEveryAcknowledgedCommitAfterEveryHistory() {
    assertEveryPromotedReplicaHoldsEveryAcknowledgedCommit(explore(3, 2, 3, 16));
  }

  @Test
  void withFiveReplicasAndTheDefaultRsstcTwoThePromotedReplicaHoldsEveryAcknowledgedCommit() {
    assertEveryPromotedReplicaHoldsEveryAcknowledgedCommit(explore(5, 2, 2, 8));
  }

  @Test
  void withRsstcZeroACommitAcknowledgedByThePrimaryAloneIsLostSoTheModelCanLoseCommits() {
    Exploration e = explore(3, 0, 3, 11);
    assertThat(e.losses()).isPositive();
    assertThat(e.lossStories()).isNotEmpty();
  }

  @Test
  void aRuleThatIgnoredSequenceNumbersAndTheMajorityWouldLoseAnAcknowledgedCommit() {
    Exploration e = new CommitModel(3, 1, 3).explore(11, (o, c) -> o.replicas().stream()
        .filter(r -> r.answered() && !o.failoverRefused().contains(r.name()))
        .findFirst()
        .<List<Decision>>map(r -> List.of(new Decision.Promote(r.name())))
        .orElse(List.of(new Decision.Blocked("nobody answers"))));
    assertThat(e.losses()).isPositive();
  }

  /** r1 primary; r3..r5 lose their connection and are dropped from S; r2 alone hardens a commit, then fails. */
  @Test
  void withFiveReplicasAndRsstcOneACommitOnlyOneSecondaryHeldIsLostWhichIsWhyTheDefaultIsTwo() {
    CommitModel model = new CommitModel(5, 1, 1);
    int[] s = model.initial();
    for (int i = 2; i < 5; i++) {
      s = model.remove(model.disconnect(s, i, false), i);
    }
    s = model.disconnect(model.commit(s), 1, true);
    assertThat(CommitModel.acked(s)).isEqualTo(1);

    CommitModel.Outcome outcome = model.failOver(model.crashPrimary(s), FailoverRules::decide);

    assertThat(outcome.promoted()).isPresent();
    assertThat(outcome.lostAcknowledgedCommit()).isTrue();

    CommitModel quorum = new CommitModel(5, 2, 1);
    int[] q = quorum.disconnect(quorum.disconnect(quorum.remove(quorum.disconnect(quorum.initial(), 2, false), 2),
        3, false), 4, false);
    assertThat(quorum.canRemove(q, 3)).as("with RSSTC 2, r2 alone cannot commit the change that drops r4").isFalse();
  }
}

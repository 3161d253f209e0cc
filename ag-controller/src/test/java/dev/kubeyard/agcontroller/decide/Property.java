package dev.kubeyard.agcontroller.decide;

import dev.kubeyard.agcontroller.decide.Decision.Blocked;
import dev.kubeyard.agcontroller.decide.Decision.Fence;
import dev.kubeyard.agcontroller.decide.Decision.LabelPrimary;
import dev.kubeyard.agcontroller.decide.Decision.Promote;
import dev.kubeyard.agcontroller.decide.Decision.RenewLease;
import dev.kubeyard.agcontroller.decide.Decision.ReturnToSecondary;
import dev.kubeyard.agcontroller.decide.Decision.SetRsstc;
import dev.kubeyard.agcontroller.decide.Decision.WaitForMajority;
import java.util.Optional;
import java.util.Set;

/** The properties every round must have, each a check that names what broke it. */
enum Property {

  /** After the round at most one replica may write, unless others already could and are out of reach. */
  NEVER_TWO_WRITABLE_PRIMARIES {
    @Override
    Optional<String> broken(Round r) {
      Set<String> after = r.writersAfter();
      if (after.size() <= 1) {
        return Optional.empty();
      }
      boolean madeAWriter = r.count(RenewLease.class) + r.count(Promote.class) > 0;
      boolean allOutOfReachBefore = after.stream().allMatch(n -> !r.replica(n).answered())
          && r.writersBefore().containsAll(after);
      return madeAWriter || !allOutOfReachBefore ? Optional.of("may write afterwards: " + after) : Optional.empty();
    }
  },

  NEVER_PROMOTES_A_REPLICA_BEHIND_ANOTHER_REPORTED_ONE {
    @Override
    Optional<String> broken(Round r) {
      return r.promoted().flatMap(p -> {
        long own = r.replica(p).reportedSequenceNumber();
        return r.o().replicas().stream()
            .filter(x -> x.reportedSequenceNumber() > own || own == 0)
            .findFirst()
            .map(x -> p + " (" + own + ") is behind " + x.name() + " (" + x.reportedSequenceNumber() + ")");
      });
    }
  },

  NEVER_PROMOTES_WITHOUT_A_MAJORITY_REPORTED {
    @Override
    Optional<String> broken(Round r) {
      long reported = r.o().replicas().stream().filter(x -> x.reportedSequenceNumber() > 0).count();
      int required = r.o().synchronousReplicas() / 2 + 1;
      return r.promoted().filter(p -> reported < required)
          .map(p -> "promoted " + p + " with " + reported + " of " + required + " reports");
    }
  },

  PROMOTES_ONLY_A_HEALTHY_SYNCHRONOUS_SECONDARY_NOT_REFUSED_BEFORE {
    @Override
    Optional<String> broken(Round r) {
      return r.promoted().map(r::replica).filter(p -> !(p.answered()
              && p.mode() == AvailabilityMode.SYNCHRONOUS_COMMIT
              && r.c().healthy(p)
              && (p.role() == Role.SECONDARY || p.role() == Role.RESOLVING)
              && !r.o().failoverRefused().contains(p.name())))
          .map(p -> "promoted ineligible " + p.name());
    }
  },

  /** Before a Promote or RenewLease, every other replica that may write is taken OFFLINE earlier in the list. */
  FENCES_EVERY_OTHER_WRITER_BEFORE_A_PROMOTION_OR_A_RENEWAL {
    @Override
    Optional<String> broken(Round r) {
      int made = r.indexOf(d -> d instanceof Promote || d instanceof RenewLease);
      if (made < 0) {
        return Optional.empty();
      }
      String writer = r.primaryAfter().orElseThrow();
      return r.writersBefore().stream()
          .filter(n -> !n.equals(writer))
          .filter(n -> {
            int fenced = r.indexOf(d -> d instanceof Fence f && f.replica().equals(n) && f.how() == FenceMethod.OFFLINE);
            return fenced < 0 || fenced > made;
          })
          .findFirst()
          .map(n -> n + " may still write when " + writer + " is made or kept writable");
    }
  },

  RESOLVING_REPLICAS_RETURN_TO_SECONDARY_ONCE_THERE_IS_A_PRIMARY {
    @Override
    Optional<String> broken(Round r) {
      Optional<String> primary = r.primaryAfter();
      if (primary.isEmpty()) {
        return r.first(ReturnToSecondary.class).map(s -> s.replica() + " left RESOLVING while there is no primary");
      }
      int made = r.indexOf(d -> d instanceof Promote || d instanceof RenewLease);
      return r.o().replicas().stream()
          .filter(x -> x.answersAs(Role.RESOLVING) && r.c().healthy(x) && !x.name().equals(primary.get()))
          .filter(x -> r.indexOf(d -> d instanceof ReturnToSecondary s && s.replica().equals(x.name())) <= made)
          .findFirst()
          .map(x -> x.name() + " stays RESOLVING under primary " + primary.get());
    }
  },

  A_PRIMARY_RUNS_WITH_THE_REQUIRED_RSSTC {
    @Override
    Optional<String> broken(Round r) {
      int desired = r.c().rsstcFor(r.o().synchronousReplicas());
      Optional<SetRsstc> set = r.first(SetRsstc.class);
      if (set.isPresent() && (set.get().value() != desired || !r.primaryAfter().equals(Optional.of(set.get().replica())))) {
        return Optional.of(set.get().describe() + " but " + desired + " on " + r.primaryAfter() + " is required");
      }
      boolean alreadySet = r.promoted().isEmpty() && r.o().rsstcOnPrimary().equals(java.util.OptionalInt.of(desired));
      return r.primaryAfter().filter(p -> set.isEmpty() && !alreadySet).map(p -> p + " keeps a wrong RSSTC");
    }
  },

  /** The label moves only to the primary, after its promotion, and always follows it. */
  THE_LABEL_FOLLOWS_THE_PRIMARY {
    @Override
    Optional<String> broken(Round r) {
      Optional<LabelPrimary> label = r.first(LabelPrimary.class);
      if (label.isPresent()) {
        boolean toPrimary = r.primaryAfter().equals(Optional.of(label.get().replica()));
        boolean afterPromotion = r.indexOf(d -> d instanceof LabelPrimary) > r.indexOf(d -> d instanceof Promote);
        return toPrimary && afterPromotion && r.count(LabelPrimary.class) == 1
            ? Optional.empty() : Optional.of("label moved wrongly");
      }
      return r.primaryAfter().filter(p -> !r.o().labelledPrimary().equals(Optional.of(p)))
          .map(p -> "the label stays off the primary " + p);
    }
  },

  A_ROUND_WITHOUT_A_PRIMARY_SAYS_WHY {
    @Override
    Optional<String> broken(Round r) {
      boolean says = r.count(Blocked.class) + r.count(WaitForMajority.class) > 0;
      if (r.primaryAfter().isEmpty() && !says) {
        return Optional.of("no primary and no reason");
      }
      if (r.primaryAfter().isPresent() && says) {
        return Optional.of("a primary and a reason to wait at once");
      }
      return r.count(Promote.class) > 1 ? Optional.of("two promotions") : Optional.empty();
    }
  };

  abstract Optional<String> broken(Round r);
}

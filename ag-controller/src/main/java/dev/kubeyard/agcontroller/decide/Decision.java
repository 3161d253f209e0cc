package dev.kubeyard.agcontroller.decide;

import java.time.Duration;

/**
 * One thing the controller does in a round. A round's decisions are executed in their order; when one
 * fails, the rest are dropped and the controller observes again (so a failed fence never lets the
 * promotion after it run).
 */
public sealed interface Decision {

  /** In plain words, for the log, the CLI and the desktop. */
  String describe();

  /** ALTER AVAILABILITY GROUP ... SET (WRITE_LEASE_VALIDITY = n) on the replica; the controller records when it returned. */
  record RenewLease(String replica, Duration validity) implements Decision {
    @Override
    public String describe() {
      return "renew " + replica + "'s write lease for " + validity.toSeconds() + " s";
    }
  }

  /** ALTER AVAILABILITY GROUP ... SET (REQUIRED_SYNCHRONIZED_SECONDARIES_TO_COMMIT = n) on the primary. */
  record SetRsstc(String replica, int value) implements Decision {
    @Override
    public String describe() {
      return "set REQUIRED_SYNCHRONIZED_SECONDARIES_TO_COMMIT = " + value + " on " + replica;
    }
  }

  /** ALTER AVAILABILITY GROUP ... SET (ROLE = SECONDARY) on a RESOLVING replica, then wait for SECONDARY. */
  record ReturnToSecondary(String replica) implements Decision {
    @Override
    public String describe() {
      return "return " + replica + " from RESOLVING to SECONDARY";
    }
  }

  /** Stop an old primary from writing; see {@link FenceMethod} for what counts as done. */
  record Fence(String replica, FenceMethod how) implements Decision {
    @Override
    public String describe() {
      return switch (how) {
        case OFFLINE -> "fence " + replica + ": take its AG replica OFFLINE and wait until it is RESOLVING";
        case DELETE_POD -> "fence " + replica + ": delete its pod (it cannot be reached)";
      };
    }
  }

  /**
   * sp_set_session_context 'external_cluster' = 'yes', ALTER AVAILABILITY GROUP ... FAILOVER on the replica,
   * then wait until it reports PRIMARY. Produced only once every other replica that may write is fenced
   * earlier in the same list or its lease has run out.
   */
  record Promote(String replica) implements Decision {
    @Override
    public String describe() {
      return "promote " + replica + " (FAILOVER with the external_cluster session context)";
    }
  }

  /** Move the role label, so that ag1-primary selects this replica and ag1-secondary the others. */
  record LabelPrimary(String replica) implements Decision {
    @Override
    public String describe() {
      return "point ag1-primary at " + replica;
    }
  }

  /** Too few replicas reported a sequence number for a safe promotion: wait. */
  record WaitForMajority(int reported, int required, int synchronousReplicas) implements Decision {
    @Override
    public String describe() {
      return "wait: " + reported + " of " + synchronousReplicas + " synchronous-commit replicas reported a sequence"
          + " number; " + required + " must report before a replica may be promoted";
    }
  }

  /** Nothing more can be done safely this round, and why. */
  record Blocked(String reason) implements Decision {
    public Blocked {
      if (reason.isBlank()) {
        throw new IllegalArgumentException("a blocked round needs a reason");
      }
    }

    @Override
    public String describe() {
      return "blocked: " + reason;
    }
  }
}

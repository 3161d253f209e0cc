package dev.kubeyard.agcontroller.decide;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The controller's settings.
 *
 * @param rsstcOverride REQUIRED_SYNCHRONIZED_SECONDARIES_TO_COMMIT to set; empty: derived from the number
 *     of synchronous-commit replicas as the agent derives it
 * @param failAtOrBelow a replica whose health is at or below this level is not healthy (the agent's
 *     monitor_policy; its default is CRITICAL_ERROR)
 * @param writeLeaseValidity WRITE_LEASE_VALIDITY the controller sets on each renewal
 * @param leaseSafetyMargin added before a lease counts as run out: the replica's clock and the
 *     controller's are not the same clock (the agent waits 5 s past the expiry)
 */
public record FailoverConfig(
    OptionalInt rsstcOverride, Health failAtOrBelow, Duration writeLeaseValidity, Duration leaseSafetyMargin) {

  public FailoverConfig {
    Objects.requireNonNull(rsstcOverride, "rsstcOverride");
    Objects.requireNonNull(failAtOrBelow, "failAtOrBelow");
    Objects.requireNonNull(writeLeaseValidity, "writeLeaseValidity");
    Objects.requireNonNull(leaseSafetyMargin, "leaseSafetyMargin");
    if (failAtOrBelow == Health.HEALTHY) {
      throw new IllegalArgumentException("the health threshold must be an error level, not HEALTHY");
    }
    if (writeLeaseValidity.isNegative() || writeLeaseValidity.isZero()) {
      throw new IllegalArgumentException("the write lease validity must be positive, not " + writeLeaseValidity);
    }
    if (leaseSafetyMargin.isNegative()) {
      throw new IllegalArgumentException("the lease safety margin must not be negative");
    }
    if (rsstcOverride.isPresent() && rsstcOverride.getAsInt() < 0) {
      throw new IllegalArgumentException("RSSTC must not be negative, not " + rsstcOverride.getAsInt());
    }
  }

  public static FailoverConfig defaults() {
    return new FailoverConfig(OptionalInt.empty(), Health.CRITICAL_ERROR, Duration.ofSeconds(30), Duration.ofSeconds(5));
  }

  /**
   * The override, or a quorum of the synchronous-commit replicas minus the primary (n / 2), except 0 for two
   * replicas, where a single secondary would otherwise stop every write when it is down (the agent's choice).
   */
  public int rsstcFor(int synchronousReplicas) {
    if (rsstcOverride.isPresent()) {
      return rsstcOverride.getAsInt();
    }
    return synchronousReplicas == 2 ? 0 : synchronousReplicas / 2;
  }

  /** How many replicas must report a sequence number before a promotion: a majority, n / 2 + 1. */
  public static int requiredReports(int synchronousReplicas) {
    return synchronousReplicas / 2 + 1;
  }

  public boolean healthy(ReplicaState r) {
    return r.reachable() && r.health().passes(failAtOrBelow);
  }

  /** When a lease renewed at this moment has surely run out, on any clock within the margin. */
  public Instant leaseSurelyOverAt(Instant renewedAt) {
    return renewedAt.plus(writeLeaseValidity).plus(leaseSafetyMargin);
  }

  /** True while the replica may hold a write lease: a PRIMARY holding one accepts writes. */
  public boolean leaseMayBeValid(ReplicaState r, Instant now) {
    return r.leaseRenewedAt().map(at -> now.isBefore(leaseSurelyOverAt(at))).orElse(false);
  }
}

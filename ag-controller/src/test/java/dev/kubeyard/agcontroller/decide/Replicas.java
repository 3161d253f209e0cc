package dev.kubeyard.agcontroller.decide;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Readable replica states for the scenario tests; one clock for all of them. */
final class Replicas {
  static final Instant NOW = Instant.parse("2026-12-07T14:00:00Z");
  static final FailoverConfig CONFIG = FailoverConfig.defaults();
  /** Renewed 5 s ago: valid for another 25 s (+5 s margin). */
  static final Optional<Instant> FRESH = Optional.of(NOW.minusSeconds(5));
  /** Renewed 60 s ago: surely over (30 s validity, 5 s margin). */
  static final Optional<Instant> RUN_OUT = Optional.of(NOW.minusSeconds(60));

  private Replicas() {
  }

  static ReplicaState primary(String name, long seq) {
    return new ReplicaState(name, true, Role.PRIMARY, AvailabilityMode.SYNCHRONOUS_COMMIT,
        SynchronizationState.SYNCHRONIZED, seq, Health.HEALTHY, FRESH);
  }

  static ReplicaState secondary(String name, long seq) {
    return new ReplicaState(name, true, Role.SECONDARY, AvailabilityMode.SYNCHRONOUS_COMMIT,
        SynchronizationState.SYNCHRONIZED, seq, Health.HEALTHY, Optional.empty());
  }

  static ReplicaState resolving(String name, long seq) {
    return with(secondary(name, seq), Role.RESOLVING);
  }

  /** Unreachable: no role, no sequence number, its last lease record kept. */
  static ReplicaState unreachable(String name, Optional<Instant> lease) {
    return new ReplicaState(name, false, Role.UNKNOWN, AvailabilityMode.SYNCHRONOUS_COMMIT,
        SynchronizationState.NOT_SYNCHRONIZING, 0, Health.DOWN_OR_UNRESPONSIVE, lease);
  }

  static ReplicaState with(ReplicaState r, Role role) {
    return new ReplicaState(r.name(), r.reachable(), role, r.mode(), r.synchronization(), r.sequenceNumber(),
        r.health(), r.leaseRenewedAt());
  }

  static ReplicaState with(ReplicaState r, Health health) {
    return new ReplicaState(r.name(), r.reachable(), r.role(), r.mode(), r.synchronization(), r.sequenceNumber(),
        health, r.leaseRenewedAt());
  }

  static ReplicaState with(ReplicaState r, AvailabilityMode mode) {
    return new ReplicaState(r.name(), r.reachable(), r.role(), mode, r.synchronization(), r.sequenceNumber(),
        r.health(), r.leaseRenewedAt());
  }

  static ReplicaState with(ReplicaState r, SynchronizationState synchronization) {
    return new ReplicaState(r.name(), r.reachable(), r.role(), r.mode(), synchronization, r.sequenceNumber(),
        r.health(), r.leaseRenewedAt());
  }

  static ReplicaState withLease(ReplicaState r, Optional<Instant> lease) {
    return new ReplicaState(r.name(), r.reachable(), r.role(), r.mode(), r.synchronization(), r.sequenceNumber(),
        r.health(), lease);
  }

  /** The AG as the controller sees it, labelled primary first argument, RSSTC already 1. */
  static Observation ag(String labelled, ReplicaState... replicas) {
    return new Observation(NOW, Arrays.asList(replicas), Optional.ofNullable(labelled), OptionalInt.of(1), Set.of());
  }
}

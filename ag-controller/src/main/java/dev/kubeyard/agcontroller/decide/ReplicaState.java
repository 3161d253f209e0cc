package dev.kubeyard.agcontroller.decide;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the controller observed of one replica in one round.
 *
 * @param reachable the controller connected and ran its queries
 * @param role as reported; UNKNOWN when it did not answer
 * @param mode from the AG configuration, known for unreachable replicas too
 * @param sequenceNumber sys.availability_groups.sequence_number on this replica (the AG configuration's
 *     version it knows), 0 when not read
 * @param health sp_server_diagnostics' verdict
 * @param leaseRenewedAt the latest moment a write-lease renewal on this replica may have taken effect, as
 *     the controller records it (the renewal's return time; after taking over the Kubernetes Lease, the
 *     takeover time). Empty: never leased, or seen answering in a non-primary role since (the record is
 *     then cleared)
 */
public record ReplicaState(
    String name,
    boolean reachable,
    Role role,
    AvailabilityMode mode,
    SynchronizationState synchronization,
    long sequenceNumber,
    Health health,
    Optional<Instant> leaseRenewedAt) {

  public ReplicaState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(synchronization, "synchronization");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(leaseRenewedAt, "leaseRenewedAt");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a replica needs a name");
    }
    if (sequenceNumber < 0) {
      throw new IllegalArgumentException(name + ": sequence number " + sequenceNumber + " is negative");
    }
  }

  /** Reached and told its role: only such a replica's role and sequence number count. */
  public boolean answered() {
    return reachable && role != Role.UNKNOWN;
  }

  /** As the agent reports it: 0 for an asynchronous replica or one that did not answer. */
  public long reportedSequenceNumber() {
    return answered() && mode == AvailabilityMode.SYNCHRONOUS_COMMIT ? sequenceNumber : 0;
  }

  public boolean answersAs(Role expected) {
    return answered() && role == expected;
  }
}

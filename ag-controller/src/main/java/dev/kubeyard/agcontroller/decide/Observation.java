package dev.kubeyard.agcontroller.decide;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One round's view of the availability group; its replicas are kept in name order, so the decisions do not
 * depend on the order they were listed in.
 *
 * @param labelledPrimary the replica the ag1-primary Service selects now (the role label), if any
 * @param rsstcOnPrimary REQUIRED_SYNCHRONIZED_SECONDARIES_TO_COMMIT as the answering primary reports it
 * @param failoverRefused replicas on which FAILOVER was refused (41142: not synchronized in their own copy
 *     of the configuration) since the last primary was lost; the runtime clears it once a primary is back
 */
public record Observation(
    Instant now,
    List<ReplicaState> replicas,
    Optional<String> labelledPrimary,
    OptionalInt rsstcOnPrimary,
    Set<String> failoverRefused) {

  public Observation {
    Objects.requireNonNull(now, "now");
    replicas = replicas.stream().sorted(Comparator.comparing(ReplicaState::name)).toList();
    Objects.requireNonNull(labelledPrimary, "labelledPrimary");
    Objects.requireNonNull(rsstcOnPrimary, "rsstcOnPrimary");
    failoverRefused = Set.copyOf(failoverRefused);
    Set<String> names = new HashSet<>();
    for (ReplicaState r : replicas) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("replica " + r.name() + " is listed twice");
      }
    }
    labelledPrimary.filter(n -> !names.contains(n)).ifPresent(n -> {
      throw new IllegalArgumentException("the labelled primary " + n + " is not a replica");
    });
    for (String n : failoverRefused) {
      if (!names.contains(n)) {
        throw new IllegalArgumentException("failover was refused on " + n + ", which is not a replica");
      }
    }
  }

  public Optional<ReplicaState> replica(String name) {
    return replicas.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** The synchronous-commit replicas in the AG configuration, reachable or not. */
  public int synchronousReplicas() {
    return (int) replicas.stream().filter(r -> r.mode() == AvailabilityMode.SYNCHRONOUS_COMMIT).count();
  }
}

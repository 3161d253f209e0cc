package dev.kubeyard.agcontroller.decide;

import static dev.kubeyard.agcontroller.decide.Replicas.FRESH;
import static dev.kubeyard.agcontroller.decide.Replicas.NOW;
import static dev.kubeyard.agcontroller.decide.Replicas.RUN_OUT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every state a replica can be in, as far as the automatic rules can tell them apart: answering as PRIMARY,
 * SECONDARY or RESOLVING in each availability mode, with sequence number 0, 1 or 2, healthy or failing the
 * default threshold; a PRIMARY with its lease renewed 5 s ago, 60 s ago (run out) or never. What no rule
 * can see is not varied: a replica answering as SECONDARY or RESOLVING has no lease record (the runtime
 * clears it once a replica answers in another role than PRIMARY), and a replica that did not report its
 * role, reached or not, has no sequence number or health the rules could use, only its mode and lease
 * record. FieldsTheRulesDoNotReadTest shows that those fields, and the synchronization state, change no
 * decision.
 */
final class ObservationSpace {
  static final List<Optional<Instant>> LEASES = List.of(FRESH, RUN_OUT, Optional.empty());
  private static final List<Health> HEALTHS = List.of(Health.HEALTHY, Health.CRITICAL_ERROR);
  private static final long[] SEQUENCE_NUMBERS = {0, 1, 2};

  private ObservationSpace() {
  }

  static List<ReplicaState> variants(String name) {
    List<ReplicaState> out = new ArrayList<>();
    for (AvailabilityMode mode : AvailabilityMode.values()) {
      for (Role role : List.of(Role.PRIMARY, Role.SECONDARY, Role.RESOLVING)) {
        for (long seq : SEQUENCE_NUMBERS) {
          for (Health health : HEALTHS) {
            for (Optional<Instant> lease : role == Role.PRIMARY ? LEASES : List.of(Optional.<Instant>empty())) {
              out.add(new ReplicaState(name, true, role, mode, SynchronizationState.SYNCHRONIZED, seq, health, lease));
            }
          }
        }
      }
      for (Optional<Instant> lease : LEASES) {
        out.add(new ReplicaState(name, true, Role.UNKNOWN, mode, SynchronizationState.SYNCHRONIZED, 0,
            Health.HEALTHY, lease));
        out.add(new ReplicaState(name, false, Role.UNKNOWN, mode, SynchronizationState.NOT_SYNCHRONIZING, 0,
            Health.DOWN_OR_UNRESPONSIVE, lease));
      }
    }
    return out;
  }

  static List<String> names(int replicas) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= replicas; i++) {
      names.add("r" + i);
    }
    return names;
  }

  /** No label, or the label on any one replica. */
  static List<Optional<String>> labels(List<String> names) {
    List<Optional<String>> labels = new ArrayList<>();
    labels.add(Optional.empty());
    names.forEach(n -> labels.add(Optional.of(n)));
    return labels;
  }

  static long size(int replicas) {
    return (long) Math.pow(variants("r").size(), replicas) * labels(names(replicas)).size();
  }

  /** Every combination: each replica in each state, with each label. */
  static void everyObservation(int replicas, Consumer<Observation> each) {
    List<String> names = names(replicas);
    List<List<ReplicaState>> domains = names.stream().map(ObservationSpace::variants).toList();
    int[] at = new int[replicas];
    ReplicaState[] chosen = new ReplicaState[replicas];
    while (true) {
      for (int i = 0; i < replicas; i++) {
        chosen[i] = domains.get(i).get(at[i]);
      }
      List<ReplicaState> list = List.of(chosen);
      for (Optional<String> label : labels(names)) {
        each.accept(new Observation(NOW, list, label, OptionalInt.of(1), Set.of()));
      }
      int i = 0;
      while (i < replicas && ++at[i] == domains.get(i).size()) {
        at[i++] = 0;
      }
      if (i == replicas) {
        return;
      }
    }
  }

  /** A reproducible sample of the same space, with failover refused on a random subset now and then. */
  static void sample(int replicas, long count, long seed, Consumer<Observation> each) {
    Random random = new Random(seed);
    List<String> names = names(replicas);
    List<List<ReplicaState>> domains = names.stream().map(ObservationSpace::variants).toList();
    List<Optional<String>> labels = labels(names);
    for (long k = 0; k < count; k++) {
      List<ReplicaState> list = new ArrayList<>();
      Set<String> refused = new java.util.HashSet<>();
      for (List<ReplicaState> domain : domains) {
        ReplicaState r = domain.get(random.nextInt(domain.size()));
        list.add(r);
        if (random.nextInt(8) == 0) {
          refused.add(r.name());
        }
      }
      OptionalInt rsstc = random.nextBoolean() ? OptionalInt.of(random.nextInt(3)) : OptionalInt.empty();
      each.accept(new Observation(NOW, list, labels.get(random.nextInt(labels.size())), rsstc, refused));
    }
  }
}

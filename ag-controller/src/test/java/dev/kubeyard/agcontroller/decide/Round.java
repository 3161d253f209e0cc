package dev.kubeyard.agcontroller.decide;

import dev.kubeyard.agcontroller.decide.Decision.Fence;
import dev.kubeyard.agcontroller.decide.Decision.Promote;
import dev.kubeyard.agcontroller.decide.Decision.RenewLease;
import dev.kubeyard.agcontroller.decide.Decision.ReturnToSecondary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One observation with the decisions made for it, and what the AG looks like after they all ran: a replica
 * may write while it may be PRIMARY (it says so, or it does not answer) and its lease may be valid.
 */
record Round(Observation o, FailoverConfig c, List<Decision> decisions) {

  static Round of(Observation o, FailoverConfig c) {
    return new Round(o, c, FailoverRules.decide(o, c));
  }

  Set<String> writersBefore() {
    return o.replicas().stream()
        .filter(r -> mayBePrimary(r) && c.leaseMayBeValid(r, o.now()))
        .map(ReplicaState::name)
        .collect(Collectors.toSet());
  }

  Set<String> writersAfter() {
    Map<String, Boolean> primary = new HashMap<>();
    Map<String, Boolean> lease = new HashMap<>();
    for (ReplicaState r : o.replicas()) {
      primary.put(r.name(), mayBePrimary(r));
      lease.put(r.name(), c.leaseMayBeValid(r, o.now()));
    }
    for (Decision d : decisions) {
      if (d instanceof Fence f && f.how() == FenceMethod.OFFLINE) {
        primary.put(f.replica(), false);
      } else if (d instanceof RenewLease l) {
        lease.put(l.replica(), true);
      } else if (d instanceof Promote p) {
        primary.put(p.replica(), true);
      } else if (d instanceof ReturnToSecondary s) {
        primary.put(s.replica(), false);
      }
    }
    return o.replicas().stream()
        .map(ReplicaState::name)
        .filter(n -> primary.get(n) && lease.get(n))
        .collect(Collectors.toSet());
  }

  private static boolean mayBePrimary(ReplicaState r) {
    return !r.answered() || r.role() == Role.PRIMARY;
  }

  Optional<String> promoted() {
    return first(Promote.class).map(Promote::replica);
  }

  /** The replica that is primary once the decisions ran: the promoted one, or the one whose lease is renewed. */
  Optional<String> primaryAfter() {
    return promoted().or(() -> first(RenewLease.class).map(RenewLease::replica));
  }

  ReplicaState replica(String name) {
    return o.replica(name).orElseThrow();
  }

  <T extends Decision> Optional<T> first(Class<T> type) {
    return decisions.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  <T extends Decision> long count(Class<T> type) {
    return decisions.stream().filter(type::isInstance).count();
  }

  int indexOf(Predicate<Decision> p) {
    for (int i = 0; i < decisions.size(); i++) {
      if (p.test(decisions.get(i))) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return o.replicas().stream().map(Round::brief).collect(Collectors.joining(", "))
        + " label=" + o.labelledPrimary().orElse("-") + " refused=" + o.failoverRefused()
        + " -> " + decisions.stream().map(Decision::describe).collect(Collectors.joining(" | "));
  }

  private static String brief(ReplicaState r) {
    return r.name() + "[" + (r.reachable() ? "" : "unreachable ") + r.role() + " " + r.mode().name().charAt(0)
        + " seq=" + r.sequenceNumber() + " " + r.health() + " lease=" + r.leaseRenewedAt().map(Object::toString).orElse("-")
        + "]";
  }
}

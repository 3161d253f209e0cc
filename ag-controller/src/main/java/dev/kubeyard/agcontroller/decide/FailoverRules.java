package dev.kubeyard.agcontroller.decide;

import dev.kubeyard.agcontroller.decide.Decision.Blocked;
import dev.kubeyard.agcontroller.decide.Decision.Fence;
import dev.kubeyard.agcontroller.decide.Decision.LabelPrimary;
import dev.kubeyard.agcontroller.decide.Decision.Promote;
import dev.kubeyard.agcontroller.decide.Decision.RenewLease;
import dev.kubeyard.agcontroller.decide.Decision.ReturnToSecondary;
import dev.kubeyard.agcontroller.decide.Decision.SetRsstc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The failover controller's rules for an AG with CLUSTER_TYPE = EXTERNAL, after Microsoft's Pacemaker agent
 * (microsoft/mssql-server-ha), made explicit (ADR 40). Pure: an observation in, decisions out, nothing else.
 *
 * <ol>
 *   <li>A replica that does not answer and may still hold a write lease blocks every renewal and promotion
 *       until its lease has surely run out (its pod is deleted meanwhile); every replica answering as
 *       PRIMARY is then taken OFFLINE, so that two writers never overlap.
 *   <li>Otherwise the primary to keep: the labelled replica if it answers as PRIMARY and is healthy, else
 *       the only healthy replica answering as PRIMARY. Every other replica answering as PRIMARY is taken
 *       OFFLINE, first.
 *   <li>Kept primary: renew its lease, set RSSTC, label it, return RESOLVING replicas to SECONDARY.
 *   <li>No primary: promote only when a majority of the synchronous-commit replicas reported a sequence
 *       number, and only a healthy synchronous-commit SECONDARY or RESOLVING replica whose sequence number
 *       is the highest reported and not 0; renew its lease, FAILOVER, set RSSTC, label it.
 * </ol>
 */
public final class FailoverRules {

  private FailoverRules() {
  }

  public static List<Decision> decide(Observation o, FailoverConfig c) {
    List<Decision> out = new ArrayList<>();
    List<ReplicaState> outOfReach = mayWriteOutOfReach(o, c);
    Optional<ReplicaState> keep = outOfReach.isEmpty() ? primaryToKeep(o, c) : Optional.empty();
    fenceAnsweringPrimaries(o, keep.map(ReplicaState::name).orElse(""), out);
    if (!outOfReach.isEmpty()) {
      outOfReach.forEach(r -> out.add(new Fence(r.name(), FenceMethod.DELETE_POD)));
      out.add(new Blocked(waitingForLeases(outOfReach, c)));
      return List.copyOf(out);
    }
    if (keep.isPresent()) {
      keepPrimary(o, c, keep.get(), out);
    } else {
      failOver(o, c, out);
    }
    return List.copyOf(out);
  }

  /** A planned failover to {@code target}, with the current primary alive: safe now, or why not. */
  public static ManualFailover decideManual(Observation o, FailoverConfig c, String target) {
    Optional<ReplicaState> found = o.replica(target);
    if (found.isEmpty()) {
      return new ManualFailover(target, false, List.of("there is no replica named " + target), List.of(), List.of());
    }
    ReplicaState t = found.get();
    List<String> reasons = new ArrayList<>();
    Optional<ReplicaState> primary = primaryToKeep(o, c);
    if (primary.isEmpty()) {
      reasons.add("there is no healthy primary to hand over from; the automatic failover decides who is promoted");
    } else if (primary.get().name().equals(target)) {
      reasons.add(target + " is already the primary");
    }
    List<ReplicaState> outOfReach = mayWriteOutOfReach(o, c);
    if (!outOfReach.isEmpty()) {
      reasons.add(waitingForLeases(outOfReach, c));
    }
    SequenceReports reports = SequenceReports.of(o);
    if (!reports.majority()) {
      reasons.add(reports.waitForMajority().describe().substring("wait: ".length()));
    }
    if (primary.filter(p -> p.name().equals(target)).isEmpty()) {
      whyNotPromotable(o, c, t, reports.highest(), true).ifPresent(reasons::add);
    }
    if (t.answersAs(Role.SECONDARY) && t.synchronization() != SynchronizationState.SYNCHRONIZED) {
      reasons.add(target + " is " + t.synchronization() + ", not SYNCHRONIZED: it may not have hardened every"
          + " commit the primary acknowledged; wait until it is SYNCHRONIZED");
    }
    if (!reasons.isEmpty()) {
      return new ManualFailover(target, false, reasons, List.of(), List.of());
    }
    List<Decision> steps = new ArrayList<>();
    fenceAnsweringPrimaries(o, "", steps);
    promote(o, c, target, steps);
    return new ManualFailover(target, true, List.of(), writesWaitAfter(o, c, t, primary.get()), steps);
  }

  static Optional<ReplicaState> primaryToKeep(Observation o, FailoverConfig c) {
    List<ReplicaState> healthy = o.replicas().stream()
        .filter(r -> r.answersAs(Role.PRIMARY) && c.healthy(r))
        .toList();
    Optional<ReplicaState> labelled = healthy.stream()
        .filter(r -> o.labelledPrimary().equals(Optional.of(r.name())))
        .findFirst();
    if (labelled.isPresent()) {
      return labelled;
    }
    return healthy.size() == 1 ? Optional.of(healthy.get(0)) : Optional.empty();
  }

  private static void fenceAnsweringPrimaries(Observation o, String keep, List<Decision> out) {
    o.replicas().stream()
        .filter(r -> r.answersAs(Role.PRIMARY) && !r.name().equals(keep))
        .forEach(r -> out.add(new Fence(r.name(), FenceMethod.OFFLINE)));
  }

  /** Replicas the controller cannot see that may still accept writes: nothing may make a second writer. */
  private static List<ReplicaState> mayWriteOutOfReach(Observation o, FailoverConfig c) {
    return o.replicas().stream()
        .filter(r -> !r.answered() && c.leaseMayBeValid(r, o.now()))
        .toList();
  }

  private static void keepPrimary(Observation o, FailoverConfig c, ReplicaState p, List<Decision> out) {
    out.add(new RenewLease(p.name(), c.writeLeaseValidity()));
    int rsstc = c.rsstcFor(o.synchronousReplicas());
    if (o.rsstcOnPrimary().isEmpty() || o.rsstcOnPrimary().getAsInt() != rsstc) {
      out.add(new SetRsstc(p.name(), rsstc));
    }
    if (!o.labelledPrimary().equals(Optional.of(p.name()))) {
      out.add(new LabelPrimary(p.name()));
    }
    returnResolvingToSecondary(o, c, p.name(), out);
  }

  private static void failOver(Observation o, FailoverConfig c, List<Decision> out) {
    SequenceReports reports = SequenceReports.of(o);
    if (!reports.majority()) {
      out.add(reports.waitForMajority());
      return;
    }
    Optional<ReplicaState> chosen = o.replicas().stream()
        .filter(r -> whyNotPromotable(o, c, r, reports.highest(), false).isEmpty())
        .min(Comparator.comparing(ReplicaState::name));
    if (chosen.isEmpty()) {
      out.add(new Blocked(noCandidate(o, c, reports.highest())));
      return;
    }
    promote(o, c, chosen.get().name(), out);
    returnResolvingToSecondary(o, c, chosen.get().name(), out);
  }

  /** The agent renews the lease before FAILOVER and sets RSSTC after it; the label moves last. */
  private static void promote(Observation o, FailoverConfig c, String replica, List<Decision> out) {
    out.add(new RenewLease(replica, c.writeLeaseValidity()));
    out.add(new Promote(replica));
    out.add(new SetRsstc(replica, c.rsstcFor(o.synchronousReplicas())));
    out.add(new LabelPrimary(replica));
  }

  /** Only with a primary: while there is none, a RESOLVING replica stays one, ready for FAILOVER (the agent's rule). */
  private static void returnResolvingToSecondary(Observation o, FailoverConfig c, String primary, List<Decision> out) {
    o.replicas().stream()
        .filter(r -> r.answersAs(Role.RESOLVING) && c.healthy(r) && !r.name().equals(primary))
        .forEach(r -> out.add(new ReturnToSecondary(r.name())));
  }

  static Optional<String> whyNotPromotable(Observation o, FailoverConfig c, ReplicaState r, long highest,
      boolean planned) {
    String n = r.name();
    if (!r.reachable()) {
      return Optional.of(n + " cannot be reached");
    }
    if (r.role() == Role.UNKNOWN) {
      return Optional.of(n + " did not report its role");
    }
    if (r.mode() != AvailabilityMode.SYNCHRONOUS_COMMIT) {
      return Optional.of(n + " is asynchronous-commit and may miss acknowledged commits");
    }
    if (r.role() == Role.PRIMARY) {
      return Optional.of(n + " is PRIMARY already (and is fenced)");
    }
    if (planned && r.role() != Role.SECONDARY) {
      return Optional.of(n + " is " + r.role() + ", not SECONDARY");
    }
    if (!c.healthy(r)) {
      return Optional.of(n + " is unhealthy (" + r.health() + ", failing at or below " + c.failAtOrBelow() + ")");
    }
    if (r.sequenceNumber() == 0) {
      return Optional.of(n + " reported sequence number 0");
    }
    if (r.sequenceNumber() < highest) {
      return Optional.of(n + " is behind: sequence number " + r.sequenceNumber() + " < " + highest);
    }
    if (o.failoverRefused().contains(n)) {
      return Optional.of(n + " was refused by FAILOVER (not synchronized in its copy of the configuration)");
    }
    return Optional.empty();
  }

  private static String noCandidate(Observation o, FailoverConfig c, long highest) {
    return "no replica can be promoted (highest sequence number reported: " + highest + "): "
        + o.replicas().stream()
            .map(r -> whyNotPromotable(o, c, r, highest, false).orElse(r.name() + " ?"))
            .collect(Collectors.joining("; "));
  }

  private static String waitingForLeases(List<ReplicaState> outOfReach, FailoverConfig c) {
    return outOfReach.stream()
        .map(r -> r.name() + " does not answer and may hold a write lease until "
            + c.leaseSurelyOverAt(r.leaseRenewedAt().orElseThrow()))
        .collect(Collectors.joining("; "))
        + ": no lease is renewed and no replica promoted before then, and a replica answering as PRIMARY is taken"
        + " OFFLINE, unless it answers first in a role other than PRIMARY";
  }

  /** After a planned failover the old primary must catch up: writes wait if too few others are synchronized. */
  private static List<String> writesWaitAfter(Observation o, FailoverConfig c, ReplicaState target, ReplicaState old) {
    int rsstc = c.rsstcFor(o.synchronousReplicas());
    long synchronizedOthers = o.replicas().stream()
        .filter(r -> r != target && r.answersAs(Role.SECONDARY) && r.mode() == AvailabilityMode.SYNCHRONOUS_COMMIT
            && r.synchronization() == SynchronizationState.SYNCHRONIZED)
        .count();
    if (synchronizedOthers >= rsstc) {
      return List.of();
    }
    return List.of("after the failover " + synchronizedOthers + " other secondaries are SYNCHRONIZED and"
        + " REQUIRED_SYNCHRONIZED_SECONDARIES_TO_COMMIT is " + rsstc + ": writes wait until " + old.name()
        + " has caught up as a secondary");
  }
}

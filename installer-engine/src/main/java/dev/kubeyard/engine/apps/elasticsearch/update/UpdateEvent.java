package dev.kubeyard.engine.apps.elasticsearch.update;

import java.time.Instant;
import java.util.List;

/**
 * What a rolling update tells its listeners, node by node. The CLI prints these; the desktop will map
 * them onto its thread in one adapter, as it does with the install events.
 */
public sealed interface UpdateEvent {
  Instant at();

  record UpdateStarted(Instant at, String id, String kind, String from, String to, List<String> order)
      implements UpdateEvent {}

  record UpdateResumed(Instant at, String id, List<String> done, String current) implements UpdateEvent {}

  record SnapshotTaken(Instant at, String repository, String snapshot, int indices, long millis)
      implements UpdateEvent {}

  /** Work on one node began; {@code index} counts from 1. */
  record NodeUpdateStarted(Instant at, String node, int index, int total) implements UpdateEvent {}

  /** A node already runs the target: nothing to restart. */
  record NodeSkipped(Instant at, String node, String reason) implements UpdateEvent {}

  /** Still waiting on a gate; sent every few seconds with what the gate sees. */
  record GateWaiting(Instant at, String node, Gate gate, String detail) implements UpdateEvent {}

  record GatePassed(Instant at, String node, Gate gate, long waitedMillis) implements UpdateEvent {}

  record Flushed(Instant at, String node, long millis) implements UpdateEvent {}

  record AllocationSet(Instant at, String node, String value) implements UpdateEvent {}

  record NodeStopped(Instant at, String node, long millis) implements UpdateEvent {}

  record NodeStarting(Instant at, String node, String version, String revision) implements UpdateEvent {}

  record NodeUpdated(Instant at, String node, long millis, int doneNodes, int totalNodes) implements UpdateEvent {}

  /** The update ended: {@code outcome} is completed, cancelled or failed. */
  record UpdateFinished(Instant at, String id, String outcome, String summary, long millis) implements UpdateEvent {}

  /** Kubeyard refused to act: why, and what to do instead. */
  record UpdateRefused(Instant at, String reason, String hint) implements UpdateEvent {}

  /** The checks around one node restart. */
  enum Gate {
    /** Before: green, or yellow mid version upgrade with every primary assigned. */
    HEALTH_BEFORE,
    /** Before: every shard copy on the node has a started copy on another node. */
    COPIES_ELSEWHERE,
    /** After: the node is back in the cluster with the target version and revision. */
    REJOINED,
    /** After allocation is enabled again: green, or the yellow an upgrade explains. */
    HEALTH_AFTER
  }
}

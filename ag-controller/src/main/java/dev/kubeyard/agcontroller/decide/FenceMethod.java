package dev.kubeyard.agcontroller.decide;

/** How an old primary is stopped from writing before another replica is promoted. */
public enum FenceMethod {
  /**
   * ALTER AVAILABILITY GROUP ... OFFLINE on the replica, then wait until it reports RESOLVING. Needs the
   * replica to answer; if it fails, the rest of the round's decisions are not executed.
   */
  OFFLINE,
  /**
   * Delete the replica's pod, for a replica the controller cannot reach. This alone is not a fence (the
   * pod of a partitioned node may keep running): the replica counts as fenced only once it answers in a
   * role other than PRIMARY or its write lease has surely run out.
   */
  DELETE_POD
}

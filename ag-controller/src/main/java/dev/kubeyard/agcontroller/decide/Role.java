package dev.kubeyard.agcontroller.decide;

/** A replica's role as it reports it (sys.dm_hadr_availability_replica_states.role). */
public enum Role {
  PRIMARY,
  SECONDARY,
  /** Neither: after a restart, after OFFLINE, or while no primary exists. FAILOVER or SET (ROLE = SECONDARY) ends it. */
  RESOLVING,
  /** The replica did not answer the role query (unreachable, or the AG row is missing). */
  UNKNOWN
}

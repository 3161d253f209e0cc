package dev.kubeyard.agcontroller.decide;

/**
 * The replica's databases as the DMVs show them. Only trustworthy while a primary is connected: once the
 * primary is gone every secondary says NOT_SYNCHRONIZING, so the automatic rules never use it (FAILOVER
 * itself refuses a replica that is not synchronized, error 41142); the planned failover does.
 */
public enum SynchronizationState {
  SYNCHRONIZED,
  SYNCHRONIZING,
  NOT_SYNCHRONIZING
}

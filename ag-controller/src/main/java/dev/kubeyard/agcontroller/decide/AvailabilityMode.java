package dev.kubeyard.agcontroller.decide;

/** From the AG configuration (sys.availability_replicas), which every replica knows about every replica. */
public enum AvailabilityMode {
  SYNCHRONOUS_COMMIT,
  /** Never promoted: its sequence number counts as 0, as the Pacemaker agent reports it. */
  ASYNCHRONOUS_COMMIT
}

package dev.kubeyard.agcontroller.decide;

/**
 * The sequence numbers the answering replicas reported, counted as the Pacemaker agent counts them: an
 * asynchronous replica reports 0, only non-zero reports count, and a majority of the synchronous-commit
 * replicas must have reported. The AG's configuration is committed to a majority before it takes effect, so
 * a majority of reports always includes a replica that knows the newest configuration.
 */
record SequenceReports(int reported, long highest, int synchronousReplicas) {

  static SequenceReports of(Observation o) {
    int reported = 0;
    long highest = 0;
    for (ReplicaState r : o.replicas()) {
      long n = r.reportedSequenceNumber();
      if (n > 0) {
        reported++;
      }
      highest = Math.max(highest, n);
    }
    return new SequenceReports(reported, highest, o.synchronousReplicas());
  }

  int required() {
    return FailoverConfig.requiredReports(synchronousReplicas);
  }

  boolean majority() {
    return reported >= required();
  }

  Decision.WaitForMajority waitForMajority() {
    return new Decision.WaitForMajority(reported, required(), synchronousReplicas);
  }
}

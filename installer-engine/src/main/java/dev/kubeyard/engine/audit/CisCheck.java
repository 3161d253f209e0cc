package dev.kubeyard.engine.audit;

/**
 * One item of the CIS Kubernetes Benchmark as Kubeyard checks it: the benchmark's number and title, its
 * profile level, whether the benchmark scores it automatically, the component whose hosts it applies to,
 * and the rule that reads the host's evidence.
 */
public record CisCheck(String id, String title, int level, boolean automated, Component component, Rule rule) {

  /** Reads one host's evidence into a finding; a manual item that does not hold warns instead of failing. */
  public Finding on(String host, HostEvidence evidence) {
    Verdict v = rule.judge(evidence);
    Outcome o = v.outcome() == Outcome.FAIL && !automated ? Outcome.WARN : v.outcome();
    return new Finding(id, title, level, automated, host, o, v.evidence());
  }

  /** Decides an item from what was read on a host. */
  @FunctionalInterface
  public interface Rule {
    Verdict judge(HostEvidence evidence);
  }
}

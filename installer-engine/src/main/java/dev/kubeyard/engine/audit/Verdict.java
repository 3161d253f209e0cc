package dev.kubeyard.engine.audit;

/** What a rule found on one host: whether the item holds (or needs judgement) and the value it saw. */
public record Verdict(Outcome outcome, String evidence) {

  public static Verdict pass(String evidence) {
    return new Verdict(Outcome.PASS, evidence);
  }

  public static Verdict fail(String evidence) {
    return new Verdict(Outcome.FAIL, evidence);
  }

  public static Verdict judge(String evidence) {
    return new Verdict(Outcome.MANUAL, evidence);
  }

  public static Verdict of(boolean holds, String evidence) {
    return holds ? pass(evidence) : fail(evidence);
  }
}

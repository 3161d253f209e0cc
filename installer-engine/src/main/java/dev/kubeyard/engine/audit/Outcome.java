package dev.kubeyard.engine.audit;

/**
 * A check's result, as kube-bench reports them: an automated item that does not hold FAILs; a manual
 * item that does not hold WARNs (the benchmark leaves the call to the operator); MANUAL when the item
 * needs a person's judgement and the evidence is only shown.
 */
public enum Outcome {
  PASS, FAIL, WARN, MANUAL
}

package dev.kubeyard.engine.pki;

import dev.kubeyard.model.validate.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The administrator's ingress certificate (pki.ingressCertificate) cannot serve the spec's hosts: every
 * problem, each naming the field, the file, the rule and the fix, as the spec's validation does. Thrown
 * while planning, so nothing reaches a host.
 */
public final class IngressCertificateException extends RuntimeException {
  private final List<Problem> problems;

  public IngressCertificateException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ", "the ingress certificate:\n  ", "")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}

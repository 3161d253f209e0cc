package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.pki.IngressTls;
import dev.kubeyard.model.validate.Problem;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What plan and apply say about the certificate the ingress serves on 443, and why one was refused. */
final class IngressTlsLine {
  private IngressTlsLine() {}

  /** "ingress TLS: user-supplied (pki.ingressCertificate), CN=..., expires ...", and a warning to renew soon. */
  static void print(IngressTls tls, PrintStream out) {
    if (tls == null) {
      return;
    }
    out.println("ingress TLS: " + tls);
    tls.renewalNotice(Instant.now()).ifPresent(n -> out.println("warning: " + n));
  }

  /** Every problem with the administrator's certificate, in the reader's language; nothing was written. */
  static String problems(List<Problem> problems) {
    Locale locale = CliLanguage.current();
    return "error: pki.ingressCertificate cannot serve the ingress (nothing was written):\n" + problems.stream()
        .map(p -> "  - " + p.toString(locale)).collect(Collectors.joining("\n"));
  }
}

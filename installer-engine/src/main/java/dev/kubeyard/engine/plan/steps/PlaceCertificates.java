package dev.kubeyard.engine.plan.steps;

import dev.kubeyard.engine.plan.CertificatePlacement;
import dev.kubeyard.engine.plan.HostStep;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.plan.StepBuilder;
import dev.kubeyard.model.spec.HostSpec;
import java.util.Optional;

/** Certificates and keys 0600 (CIS 1.1.20, 1.1.21, 4.1.7; only root reads them), each host only what its own services use. */
public final class PlaceCertificates implements HostStep {
  @Override
  public Optional<Step> plan(PlanInput in, HostSpec host) {
    StepBuilder b = new StepBuilder("place-certificates", Phase.CERTIFICATES, host.name(), "place certificates");
    for (CertificatePlacement.Placement p : CertificatePlacement.forHost(host)) {
      String sha = in.pkiSha256().get(p.pkiFile());
      if (sha == null) {
        throw new IllegalStateException("the PKI has no " + p.pkiFile() + " for " + host.name());
      }
      b.put(p.hostPath(), "pki/" + p.pkiFile(), sha, 0600);
    }
    return b.isEmpty() ? Optional.empty() : Optional.of(b.build());
  }
}

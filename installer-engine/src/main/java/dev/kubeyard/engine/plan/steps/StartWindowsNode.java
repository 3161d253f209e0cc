package dev.kubeyard.engine.plan.steps;

import dev.kubeyard.engine.plan.CertificatePlacement;
import dev.kubeyard.engine.plan.HostStep;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.plan.StepBuilder;
import dev.kubeyard.engine.render.WindowsPaths;
import dev.kubeyard.engine.shell.HostShell;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.List;
import java.util.Optional;

/**
 * A Windows worker over the same SSH transport (Windows Server ships OpenSSH): certificates, configs,
 * then install-node.ps1 registers and starts flanneld, kubelet and kube-proxy as services. Every command
 * is PowerShell, from the host's shell.
 */
public final class StartWindowsNode implements HostStep {
  @Override
  public Optional<Step> plan(PlanInput in, HostSpec host) {
    if (!host.isWindows() || !host.has(Role.NODE)) {
      return Optional.empty();
    }
    WindowsPaths w = WindowsPaths.of(in.facts());
    HostShell shell = HostShell.of(host.os());
    List<String> services = List.of("flanneld", "kubelet", "kube-proxy");
    StepBuilder b = new StepBuilder("start-windows-node", Phase.NODE, host.name(), "start flanneld, kubelet and kube-proxy")
        .os(host.os())
        .put(in.filesOf(host.name(), w.root() + "/"))
        .services(services.toArray(String[]::new))
        .run("& " + shell.quote(w.file("install-node.ps1")))
        .verify(shell.check(services.stream().map(shell::serviceActive).toList()));
    for (CertificatePlacement.Placement p : CertificatePlacement.forWindowsHost(host, w)) {
      String sha = in.pkiSha256().get(p.pkiFile());
      if (sha == null) {
        throw new IllegalStateException("the PKI has no " + p.pkiFile() + " for " + host.name());
      }
      b.put(p.hostPath(), "pki/" + p.pkiFile(), sha, 0600);
    }
    return Optional.of(b.build());
  }
}

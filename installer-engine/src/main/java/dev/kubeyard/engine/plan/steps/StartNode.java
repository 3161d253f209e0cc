package dev.kubeyard.engine.plan.steps;

import dev.kubeyard.engine.pki.PkiNames;
import dev.kubeyard.engine.plan.HostStep;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.plan.StepBuilder;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.spec.HostSpec;
import java.util.Optional;

/** kubelet, kube-proxy and the CNI config; healthy when both health endpoints answer on loopback. */
public final class StartNode implements HostStep {
  @Override
  public Optional<Step> plan(PlanInput in, HostSpec host) {
    if (!NodeRoles.runsLinuxKubelet(host)) {
      return Optional.empty();
    }
    StepBuilder b = new StepBuilder("start-node", Phase.NODE, host.name(), "start kubelet and kube-proxy")
        .put(in.filesOf(host.name(), HostPaths.unit("kubelet"), HostPaths.unit("kube-proxy"), HostPaths.KUBELET_DIR + "/",
            HostPaths.KUBE_PROXY_DIR + "/", HostPaths.CNI_CONF + "/", HostPaths.kubeconfig("kubelet"),
            HostPaths.kubeconfig("kube-proxy")))
        .run("install -d -m 0755 " + HostPaths.KUBELET_DIR + " " + HostPaths.KUBE_PROXY_DIR + " " + HostPaths.CNI_BIN)
        // A certificate `kubeyard plan` renewed (30 days before it expires, pki/RenewalCheck) is placed by an
        // earlier step; both services read theirs only when they start, so one placed after the service
        // started fails the check and restarts them (ADR 38: kubelet serving certificates renewed by Kubeyard).
        .alsoCheck(startedAfter("kubelet", HostPaths.ssl(PkiNames.kubelet(host.name()))))
        .alsoCheck(startedAfter("kube-proxy", HostPaths.ssl(PkiNames.KUBE_PROXY)))
        .services("kubelet", "kube-proxy")
        .verify("curl -fsS --max-time 5 http://127.0.0.1:" + ComponentPorts.KUBELET_HEALTHZ + "/healthz && curl -fsS --max-time 5 http://127.0.0.1:"
            + ComponentPorts.KUBE_PROXY_HEALTHZ + "/healthz");
    return Optional.of(b.build());
  }

  /** True when {@code service} (re)started after {@code file} was last written. */
  static String startedAfter(String service, String file) {
    return "[ \"$(stat -c %Y " + file + ")\" -le \"$(date -d \"$(systemctl show -p ActiveEnterTimestamp --value "
        + service + ")\" +%s 2>/dev/null || echo 0)\" ]";
  }
}

package dev.kubeyard.engine.plan.steps;

import dev.kubeyard.engine.facts.EtcdMember;
import dev.kubeyard.engine.plan.HostStep;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.plan.StepBuilder;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The etcd member, one host after the other (ADR 46): a changed member is restarted, and the next one only
 * once this one is healthy over TLS (the health-check client certificate), so a re-apply never takes more
 * than one member down and a member that does not come back stops the run with the quorum intact. A cluster
 * being formed has no healthy member yet, so nobody could pass that check alone: the restart does not wait
 * for etcd's readiness, and while no other member answers healthy, a member that is starting is enough.
 */
public final class StartEtcd implements HostStep {
  @Override
  public Optional<Step> plan(PlanInput in, HostSpec host) {
    if (!host.has(Role.ETCD)) {
      return Optional.empty();
    }
    String ssl = HostPaths.ETCD_SSL;
    String etcdctl = HostPaths.BIN + "/etcdctl --cacert=" + ssl + "/etcd-ca.pem --cert=" + ssl + "/etcd-healthcheck-client.pem"
        + " --key=" + ssl + "/etcd-healthcheck-client-key.pem";
    String others = in.facts().etcdMembers().stream().filter(m -> !m.hostName().equals(host.name()))
        .map(EtcdMember::clientUrl).collect(Collectors.joining(" "));
    String othersHealthy = "n=0; for e in " + others + "; do " + etcdctl + " --dial-timeout=1s --command-timeout=2s --endpoints=$e"
        + " endpoint health >/dev/null 2>&1 && n=$((n + 1)); done; [ \"$n\" -gt 0 ]";
    StepBuilder b = new StepBuilder("start-etcd", Phase.ETCD, host.name(), "start etcd")
        .put(in.filesOf(host.name(), HostPaths.unit("etcd")))
        .run("install -d -m 0700 " + HostPaths.ETCD_DATA)
        .services("etcd")
        // with a healthy member elsewhere this one must be back (ready: joined and serving) before the next goes;
        // a new cluster's first member is ready only once a quorum has started, so then nobody waits
        .waitForStartOnlyIf(othersHealthy)
        .verify(etcdctl + " --endpoints=https://127.0.0.1:" + ComponentPorts.ETCD_CLIENT + " endpoint health"
            + " || { s=$(systemctl show -p ActiveState --value etcd); { [ \"$s\" = activating ] || [ \"$s\" = active ]; }"
            + " && ! { " + othersHealthy + "; }; }");
    return Optional.of(b.build());
  }
}

package dev.kubeyard.engine.plan.steps;

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

/** The etcd member, verified healthy over TLS with the health-check client certificate. */
public final class StartEtcd implements HostStep {
  @Override
  public Optional<Step> plan(PlanInput in, HostSpec host) {
    if (!host.has(Role.ETCD)) {
      return Optional.empty();
    }
    String ssl = HostPaths.ETCD_SSL;
    StepBuilder b = new StepBuilder("start-etcd", Phase.ETCD, host.name(), "start etcd")
        .put(in.filesOf(host.name(), HostPaths.unit("etcd")))
        .run("install -d -m 0700 " + HostPaths.ETCD_DATA)
        .services("etcd")
        .verify(HostPaths.BIN + "/etcdctl --endpoints=https://127.0.0.1:" + ComponentPorts.ETCD_CLIENT + " --cacert=" + ssl + "/etcd-ca.pem"
            + " --cert=" + ssl + "/etcd-healthcheck-client.pem --key=" + ssl + "/etcd-healthcheck-client-key.pem"
            + " endpoint health");
    return Optional.of(b.build());
  }
}

package dev.kubeyard.engine.plan.steps;

import dev.kubeyard.engine.facts.ApiLoadBalancer;
import dev.kubeyard.engine.plan.HostStep;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.plan.StepBuilder;
import dev.kubeyard.engine.pki.PkiNames;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.Optional;

/**
 * haproxy and keepalived on the lb hosts; haproxy checks its config before it is (re)started. Done when
 * the VIP answers on the apiserver port: both hosts start as VRRP backups (no failback, ADR 17), so after
 * a restart of both the VIP is away for keepalived's master-down interval, and no later step may find it so.
 * haproxy reads its health-check certificate only when it starts or reloads: a reissued one fails the
 * check, which reloads it. A change restarts or reloads only the service that reads it.
 */
public final class StartLoadBalancer implements HostStep {
  @Override
  public Optional<Step> plan(PlanInput in, HostSpec host) {
    if (!host.has(Role.LB)) {
      return Optional.empty();
    }
    ApiLoadBalancer lb = in.facts().loadBalancer();
    StepBuilder b = new StepBuilder("start-load-balancer", Phase.LOAD_BALANCER, host.name(), "start haproxy and keepalived")
        .put(in.filesOf(host.name(), "/etc/haproxy/", "/etc/keepalived/", HostPaths.unit("haproxy"),
            HostPaths.unit("keepalived")))
        .run("getent passwd haproxy >/dev/null || useradd --system --no-create-home --home-dir /var/lib/haproxy"
            + " --shell /usr/sbin/nologin haproxy")
        .run("install -d -m 0755 /var/lib/haproxy /run/haproxy")
        .run("LD_LIBRARY_PATH=" + HostPaths.LIB + " " + HostPaths.BIN + "/haproxy -c -q -f /etc/haproxy/haproxy.cfg")
        .alsoCheckContent(HostPaths.ssl(PkiNames.LB_HEALTHCHECK_CLIENT),
            in.pkiSha256().get(PkiNames.LB_HEALTHCHECK_CLIENT + ".pem"))
        .services("haproxy", "keepalived")
        // each restarts only for its own unit; a new configuration (or health-check certificate) is a hitless
        // reload: haproxy's master starts new workers and lets the old ones finish their connections, and
        // keepalived re-reads its file keeping the VIP where it is
        .restartOn("haproxy", HostPaths.unit("haproxy"))
        .reloadOn("haproxy", "/etc/haproxy/", HostPaths.ssl(PkiNames.LB_HEALTHCHECK_CLIENT))
        .restartOn("keepalived", HostPaths.unit("keepalived"))
        .reloadOn("keepalived", "/etc/keepalived/")
        .verify("systemctl is-active --quiet haproxy keepalived && timeout 2 bash -c '</dev/tcp/" + lb.vip() + "/"
            + lb.apiserverPort() + "'");
    return Optional.of(b.build());
  }
}

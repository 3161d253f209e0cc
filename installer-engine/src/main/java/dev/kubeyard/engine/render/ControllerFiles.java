package dev.kubeyard.engine.render;

import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.List;
import java.util.Map;

/**
 * kube-controller-manager and kube-scheduler: they reach the apiserver with client certificates through
 * kubeconfigs, serve only on their secure ports bound to loopback, and elect a leader.
 */
final class ControllerFiles implements HostRenderer {
  static final String SCHEDULER_CONFIG = HostPaths.KUBE + "/kube-scheduler.yaml";

  @Override
  public List<RenderedFile> render(RenderContext ctx, HostSpec host) {
    if (!host.has(Role.MASTER)) {
      return List.of();
    }
    return List.of(
        RenderedFile.rootOnly(host.name(), HostPaths.unit("kube-controller-manager"), controllerManager(ctx)),
        RenderedFile.rootOnly(host.name(), HostPaths.unit("kube-scheduler"), scheduler(ctx)),
        RenderedFile.rootOnly(host.name(), SCHEDULER_CONFIG, Templates.render("control-plane/kube-scheduler.yaml",
            Map.of("apiVersion", schedulerApi(ctx.version()), "kubeconfig", HostPaths.kubeconfig("kube-scheduler"),
                "insecurePortInConfig", !ctx.version().atLeast(20)))));
  }

  private static String controllerManager(RenderContext ctx) {
    KubernetesVersion v = ctx.version();
    String kubeconfig = HostPaths.kubeconfig("kube-controller-manager");
    CommandFlags f = new CommandFlags("kube-controller-manager", v)
        .add("--kubeconfig", kubeconfig)
        .add("--authentication-kubeconfig", kubeconfig)
        .add("--authorization-kubeconfig", kubeconfig)
        .add("--bind-address", "127.0.0.1")
        .addIf(!v.atLeast(20), "--port", 0)
        .add("--profiling", false)
        .add("--leader-elect", true)
        .add("--use-service-account-credentials", true)
        .add("--controllers", "*,bootstrapsigner,tokencleaner")
        .add("--cluster-name", ctx.facts().clusterName())
        .add("--allocate-node-cidrs", true)
        .add("--cluster-cidr", ctx.facts().clusterCidr())
        .add("--node-cidr-mask-size", 24)
        .add("--service-cluster-ip-range", ctx.facts().serviceCidr())
        .add("--cluster-signing-cert-file", HostPaths.ssl("ca"))
        .add("--cluster-signing-key-file", HostPaths.sslKey("ca"))
        .addIf(!v.atLeast(19), "--experimental-cluster-signing-duration", "8760h")
        .addIf(v.atLeast(19), "--cluster-signing-duration", "8760h")
        .add("--root-ca-file", HostPaths.ssl("ca"))
        .add("--service-account-private-key-file", HostPaths.sslKey("sa"))
        .add("--requestheader-client-ca-file", HostPaths.ssl("front-proxy-ca"))
        .add("--v", 2);
    return unit("Kubernetes controller manager (Kubeyard)", "kube-controller-manager", f);
  }

  private static String scheduler(RenderContext ctx) {
    KubernetesVersion v = ctx.version();
    String kubeconfig = HostPaths.kubeconfig("kube-scheduler");
    CommandFlags f = new CommandFlags("kube-scheduler", v)
        .add("--config", SCHEDULER_CONFIG)
        .add("--authentication-kubeconfig", kubeconfig)
        .add("--authorization-kubeconfig", kubeconfig)
        .add("--bind-address", "127.0.0.1")
        .addIf(!v.atLeast(20), "--port", 0)
        .add("--profiling", false)
        .add("--v", 2);
    return unit("Kubernetes scheduler (Kubeyard)", "kube-scheduler", f);
  }

  /** The scheduler's config API: v1alpha1 on 1.14, v1 from 1.25. */
  static String schedulerApi(KubernetesVersion v) {
    return v.atLeast(25) ? "kubescheduler.config.k8s.io/v1" : "kubescheduler.config.k8s.io/v1alpha1";
  }

  private static String unit(String description, String binary, CommandFlags f) {
    return new SystemdUnit(description)
        .unit("After", "kube-apiserver.service")
        .exec(HostPaths.BIN + "/" + binary, f.lines())
        .service("Restart", "on-failure")
        .service("RestartSec", "5")
        .text();
  }
}

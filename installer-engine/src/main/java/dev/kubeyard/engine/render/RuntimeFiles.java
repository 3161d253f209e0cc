package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.model.spec.HostSpec;
import java.util.List;
import java.util.Map;

/**
 * The container runtime: containerd (CRI plugin, systemd cgroups, images imported from the bundle),
 * or Docker for the lines before 1.24. No public registry mirrors: sites are air-gapped.
 */
final class RuntimeFiles implements HostRenderer {

  @Override
  public List<RenderedFile> render(RenderContext ctx, HostSpec host) {
    if (!NodeRoles.runsLinuxKubelet(host)) {
      return List.of();
    }
    if (ctx.facts().dockerRuntime()) {
      String unit = runtimeUnit("Docker engine (Kubeyard)", HostPaths.BIN + "/dockerd", List.of(
          "--config-file=/etc/docker/daemon.json"));
      return List.of(
          RenderedFile.rootOnly(host.name(), HostPaths.unit("docker"), unit),
          RenderedFile.rootOnly(host.name(), "/etc/docker/daemon.json", Templates.render("node/docker-daemon.json", Map.of())));
    }
    String unit = runtimeUnit("containerd container runtime (Kubeyard)", HostPaths.BIN + "/containerd", List.of(
        "--config=/etc/containerd/config.toml"));
    return List.of(
        RenderedFile.rootOnly(host.name(), HostPaths.unit("containerd"), unit),
        RenderedFile.rootOnly(host.name(), "/etc/containerd/config.toml", Templates.render("node/containerd-config.toml",
            Map.of("pauseImage", ctx.images().pause(), "cniBin", HostPaths.CNI_BIN, "cniConf", HostPaths.CNI_CONF,
                "restrictOomScoreAdj", ctx.facts().restrictOomScoreAdj()))));
  }

  private static String runtimeUnit(String description, String binary, List<String> flags) {
    return new SystemdUnit(description)
        .unit("After", "network-online.target local-fs.target")
        .unit("Wants", "network-online.target")
        .exec(binary, flags)
        .service("ExecStartPre", "-/sbin/modprobe overlay")
        .service("Environment", "PATH=" + HostPaths.BIN + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
        .service("Type", "notify")
        .service("Delegate", "yes")
        .service("KillMode", "process")
        .service("Restart", "always")
        .service("RestartSec", "5")
        .service("LimitNOFILE", "infinity")
        .service("LimitNPROC", "infinity")
        .service("LimitCORE", "infinity")
        .service("TasksMax", "infinity")
        .service("OOMScoreAdjust", "-999")
        .text();
  }
}

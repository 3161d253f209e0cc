package dev.kubeyard.engine.bundle;

import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.ContainerRuntime;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which commands and images a cluster spec (with defaults applied) needs from a bundle. Linux hosts
 * are amd64, the only architecture Kubeyard installs today; Windows workers add their own binaries.
 */
public record BundleRequirements(String kubernetesVersion, List<Requirement> commands, List<String> images) {

  public static final String HOST_ARCHITECTURE = "amd64";

  public static final List<String> CONTROL_PLANE = List.of("kube-apiserver", "kube-controller-manager",
      "kube-scheduler");
  public static final List<String> NODE = List.of("kubelet", "kube-proxy", "kubectl");
  public static final List<String> WINDOWS_NODE = List.of("kubelet", "kube-proxy");
  public static final List<String> CONTAINERD = List.of("containerd", "containerd-shim-runc-v2", "ctr",
      "runc");
  public static final List<String> NODE_TOOLS = List.of("iptables", "conntrack", "socat");
  /** flanneld and the CNI plugins its pods use (CNI plugins are named cni/NAME in the manifest). */
  public static final List<String> FLANNEL_CNI = List.of("flanneld", "cni/flannel", "cni/bridge", "cni/host-local",
      "cni/loopback", "cni/portmap");

  /** The platform gateway's image (python-service/), needed when apps.pythonService runs the bundle's image. */
  public static final String GATEWAY_IMAGE = "platform-gateway";
  /** GitLab's PostgreSQL (Patroni + PgBouncer, ADR 42), needed when apps.gitlab runs Kubeyard's PostgreSQL. */
  public static final String GITLAB_POSTGRES_IMAGE = "gitlab-postgres";
  /** GitLab's Redis and Sentinels (ADR 43), needed when apps.gitlab runs Kubeyard's Redis. */
  public static final String GITLAB_REDIS_IMAGE = "redis";
  /** kube-router's network policy controller (network.enforceNetworkPolicy, ADR 39). */
  public static final String KUBE_ROUTER_IMAGE = "kube-router";

  /** The bundle version a spec needs: its kubernetes.version without a leading v. */
  public static BundleRequirements of(ClusterSpec spec) {
    String version = spec.kubernetes().version().replaceFirst("^v", "");
    Platform linux = new Platform("linux", HOST_ARCHITECTURE);
    List<Requirement> needs = new ArrayList<>();
    boolean line114 = BundleLine.ofVersion(version) == BundleLine.LEGACY;
    String kubernetesFix = line114
        ? "build the 1.14 line's bundle with 'kubeyard bundle build --line 1.14' (Kubernetes 1.14.10 from its"
            + " source, tools/k8s-builder-1.14; it writes bundle/latest-1.14)"
        : "build a bundle for " + version + " (tools/k8s-builder/pin.sh v" + version
            + " then tools/build-bundle.sh) or fetch it with 'kubeyard bundle fetch --version " + version + "'";
    if (!spec.hostsWithRole(Role.MASTER).isEmpty()) {
      CONTROL_PLANE.forEach(c -> needs.add(new Requirement(c, linux, Optional.of(version), "the master hosts",
          kubernetesFix)));
    }
    NODE.forEach(c -> needs.add(new Requirement(c, linux, Optional.of(version), "every Linux host",
        kubernetesFix)));
    if (!spec.hostsWithRole(Role.ETCD).isEmpty()) {
      List.of("etcd", "etcdctl").forEach(c -> needs.add(new Requirement(c, linux, Optional.empty(),
          "the etcd hosts", "rebuild the bundle with 'kubeyard bundle build' (it builds etcd from its Go module)")));
    }
    if (!spec.hostsWithRole(Role.LB).isEmpty()) {
      List.of("haproxy", "keepalived").forEach(c -> needs.add(new Requirement(c, linux, Optional.empty(),
          "the lb hosts", "rebuild the bundle with 'kubeyard bundle build' (it unpacks Debian's " + c + ")")));
    }
    if (spec.kubernetes().containerRuntime() == ContainerRuntime.DOCKER) {
      List.of("dockerd", "docker").forEach(c -> needs.add(new Requirement(c, linux, Optional.empty(),
          "kubernetes.containerRuntime: docker", "set kubernetes.containerRuntime: containerd, which the bundle"
              + " carries for every line (ADR 33); the bundle has no Docker")));
    } else {
      CONTAINERD.forEach(c -> needs.add(new Requirement(c, linux, Optional.empty(),
          "kubernetes.containerRuntime: containerd", "rebuild the bundle with 'kubeyard bundle build'")));
    }
    NODE_TOOLS.forEach(c -> needs.add(new Requirement(c, linux, Optional.empty(), "kube-proxy and kubelet",
        "rebuild the bundle with 'kubeyard bundle build'")));
    List<String> images = new ArrayList<>(List.of("pause", "coredns", "metrics-server", "traefik"));
    if ("flannel".equals(spec.network().plugin())) {
      FLANNEL_CNI.forEach(c -> needs.add(new Requirement(c, linux, Optional.empty(), "network.plugin: flannel",
          "rebuild the bundle with 'kubeyard bundle build'")));
      images.add("flannel");
    }
    if (spec.apps() != null && spec.apps().pythonService() != null && spec.apps().pythonService().runsBundleImage()) {
      images.add(GATEWAY_IMAGE);
    }
    var gitlab = spec.apps() == null ? null : spec.apps().gitlab();
    if (gitlab != null && !Boolean.FALSE.equals(gitlab.enabled()) && gitlab.postgresHost() == null) {
      images.add(GITLAB_POSTGRES_IMAGE);
    }
    if (gitlab != null && !Boolean.FALSE.equals(gitlab.enabled()) && gitlab.redisSentinels() == null) {
      images.add(GITLAB_REDIS_IMAGE);
    }
    if (spec.network().serviceLoadBalancer()) {
      images.addAll(List.of("metallb-controller", "metallb-speaker")); // network.loadBalancerAddresses
    }
    if (Boolean.TRUE.equals(spec.network().enforceNetworkPolicy())) {
      images.add(KUBE_ROUTER_IMAGE);
    }
    if (spec.hosts().stream().anyMatch(HostSpec::isWindows)) {
      Platform windows = new Platform("windows", HOST_ARCHITECTURE);
      String windowsFix = line114
          ? "build them with 'kubeyard bundle build --line 1.14 --windows'"
          : "build them with KUBEYARD_WINDOWS=1 tools/build-bundle.sh, or add them with"
              + " 'kubeyard bundle fetch --version " + version + " --windows'";
      WINDOWS_NODE.forEach(c -> needs.add(new Requirement(c, windows, Optional.of(version),
          "the Windows hosts", windowsFix)));
    }
    return new BundleRequirements(version, List.copyOf(needs), List.copyOf(images));
  }
}

package dev.kubeyard.engine.plan;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.PkiNames;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.engine.render.WindowsPaths;
import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Which PKI files each host receives, by role; a host gets only the keys its own services use.
 * Masters hold the CA key because the controller-manager signs CSRs with it.
 */
public final class CertificatePlacement {
  /** One PKI file (name in the pki dir) and where it goes on the host. */
  public record Placement(String pkiFile, String hostPath, boolean key) {}

  private CertificatePlacement() {}

  public static List<Placement> forHost(HostSpec host) {
    List<Placement> out = new ArrayList<>();
    if (host.isWindows()) {
      return out;
    }
    if (host.has(Role.ETCD)) {
      etcd(out, "etcd-ca", false);
      etcdPair(out, "etcd-" + host.name());
      etcdPair(out, "etcd-healthcheck-client");
    }
    if (host.has(Role.LB) || host.has(Role.MASTER) || NodeRoles.runsLinuxKubelet(host)) {
      cert(out, "ca");
    }
    if (host.has(Role.LB)) {
      String health = PkiNames.LB_HEALTHCHECK_CLIENT;
      cert(out, health);
      out.add(new Placement(health + "-key.pem", HostPaths.haproxyKey(health), true));
    }
    if (host.has(Role.MASTER)) {
      out.add(new Placement("ca-key.pem", HostPaths.sslKey("ca"), true));
      cert(out, "etcd-ca");
      cert(out, "front-proxy-ca");
      out.add(new Placement("sa.pub", HostPaths.SSL + "/sa.pub", false));
      out.add(new Placement("sa-key.pem", HostPaths.sslKey("sa"), true));
      for (String name : List.of("kubernetes", "apiserver-kubelet-client", "apiserver-etcd-client",
          "front-proxy-client", "admin", "kube-controller-manager", "kube-scheduler")) {
        pair(out, name);
      }
    }
    if (NodeRoles.runsLinuxKubelet(host)) {
      pair(out, PkiNames.kubelet(host.name()));
      pair(out, "kube-proxy");
    }
    return out;
  }

  /** Every PKI file name any host of the cluster receives (Linux and Windows). */
  public static java.util.Set<String> pkiFilesOf(ClusterFacts facts) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (HostSpec h : facts.hosts()) {
      List<Placement> placements = h.isWindows()
          ? forWindowsHost(h, WindowsPaths.of(facts)) : forHost(h);
      placements.forEach(p -> names.add(p.pkiFile()));
    }
    return names;
  }

  /** A Windows worker's kubelet and kube-proxy certificates, under its install dir. */
  public static List<Placement> forWindowsHost(HostSpec host, WindowsPaths w) {
    String kubelet = PkiNames.kubelet(host.name());
    return List.of(
        new Placement("ca.pem", w.ssl("ca"), false),
        new Placement(kubelet + ".pem", w.ssl(kubelet), false),
        new Placement(kubelet + "-key.pem", w.sslKey(kubelet), true),
        new Placement("kube-proxy.pem", w.ssl("kube-proxy"), false),
        new Placement("kube-proxy-key.pem", w.sslKey("kube-proxy"), true));
  }

  private static void cert(List<Placement> out, String name) {
    out.add(new Placement(name + ".pem", HostPaths.ssl(name), false));
  }

  private static void pair(List<Placement> out, String name) {
    cert(out, name);
    out.add(new Placement(name + "-key.pem", HostPaths.sslKey(name), true));
  }

  private static void etcd(List<Placement> out, String name, boolean key) {
    String file = key ? name + "-key.pem" : name + ".pem";
    out.add(new Placement(file, HostPaths.ETCD_SSL + "/" + file, key));
  }

  private static void etcdPair(List<Placement> out, String name) {
    etcd(out, name, false);
    etcd(out, name, true);
  }
}

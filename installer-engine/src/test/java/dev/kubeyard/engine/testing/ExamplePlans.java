package dev.kubeyard.engine.testing;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.plan.BundleContent;
import dev.kubeyard.engine.plan.CertificatePlacement;
import dev.kubeyard.engine.plan.InstallSequence;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.render.ClusterRenderer;
import dev.kubeyard.engine.render.RenderedFile;
import dev.kubeyard.model.spec.ClusterSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The example cluster's install plan without a PKI or a real bundle: every PKI file and bundle artifact
 * gets a fixed stand-in hash, so a plan is comparable byte for byte.
 */
public final class ExamplePlans {
  private static final List<String> COMMANDS = List.of("etcd", "etcdctl", "kube-apiserver", "kube-controller-manager",
      "kube-scheduler", "kubelet", "kube-proxy", "kubectl", "containerd", "containerd-shim-runc-v2", "ctr", "runc",
      "dockerd", "docker", "haproxy", "keepalived", "cni/flannel", "cni/bridge", "cni/host-local", "cni/loopback", "cni/portmap");
  private static final List<String> KUBERNETES = List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler",
      "kubelet", "kube-proxy", "kubectl");

  private ExamplePlans() {}

  /** A bundle for {@code version} whose files all have stand-in hashes. */
  public static BundleContent bundle(String version) {
    Map<String, BundleContent.Artifact> commands = new HashMap<>();
    for (String c : COMMANDS) {
      String path = KUBERNETES.contains(c) ? "bundle/bin/kubernetes/kubernetes" : "bundle/bin/" + c;
      commands.put(c, new BundleContent.Artifact(path, "a".repeat(64)));
    }
    Map<String, BundleContent.Image> images = new HashMap<>();
    for (String i : List.of("pause", "flannel", "coredns", "metrics-server", "traefik", "metallb-controller",
        "metallb-speaker", "platform-gateway", "gitlab-postgres", "redis")) {
      images.put(i, new BundleContent.Image(i, "kubeyard.local/" + i + ":1", "bundle/images/" + i + ".tar", "b".repeat(64)));
    }
    return new BundleContent(version, commands,
        List.of(new BundleContent.Library("liblua5.3.so.0", "bundle/debian/liblua.so", "c".repeat(64))), images);
  }

  /** The install sequence's plan for {@code spec}, with {@code bundle}. */
  public static Plan plan(ClusterSpec spec, BundleContent bundle) {
    ClusterFacts facts = ClusterFacts.of(spec);
    List<RenderedFile> files = ClusterRenderer.render(Specs.context(spec));
    Map<String, String> pki = new HashMap<>();
    CertificatePlacement.pkiFilesOf(facts).forEach(name -> pki.put(name, "0".repeat(64)));
    return InstallSequence.plan(new PlanInput(facts, files, pki, bundle));
  }
}

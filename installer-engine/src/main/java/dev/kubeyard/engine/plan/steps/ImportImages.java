package dev.kubeyard.engine.plan.steps;

import dev.kubeyard.engine.bundle.BundleRequirements;
import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.engine.plan.BundleContent;
import dev.kubeyard.engine.plan.HostStep;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.plan.StepBuilder;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.model.spec.ContainerRuntime;
import dev.kubeyard.model.spec.HostSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads the bundle's images into containerd's k8s.io namespace on every node: sites have no registry,
 * so the pod sandbox, flannel, CoreDNS, metrics-server and Traefik must already be there when the kubelet asks;
 * so must the platform gateway's image when apps.pythonService runs the bundle's (on every node, as the
 * others: its pods land wherever the scheduler puts them), and GitLab's PostgreSQL image when apps.gitlab runs
 * Kubeyard's PostgreSQL (ADR 42), and its Redis image when it runs Kubeyard's Redis (ADR 43).
 */
public final class ImportImages implements HostStep {
  @Override
  public Optional<Step> plan(PlanInput in, HostSpec host) {
    BundleContent bundle = in.bundle();
    if (host.isWindows() || !NodeRoles.runsLinuxKubelet(host) || bundle.images().isEmpty()
        || in.facts().containerRuntime() != ContainerRuntime.CONTAINERD) {
      return Optional.empty();
    }
    String ctr = HostPaths.BIN + "/ctr --address /run/containerd/containerd.sock -n k8s.io";
    StepBuilder b = new StepBuilder("import-images", Phase.CONTAINER_RUNTIME, host.name(), "import container images");
    List<String> refs = new ArrayList<>();
    for (String component : components(in)) {
      BundleContent.Image image = bundle.images().get(component);
      if (image == null) {
        throw new IllegalArgumentException("the bundle has no " + component + " image, needed on " + host.name()
            + "; rebuild the bundle with tools/build-bundle.sh");
      }
      String tar = HostPaths.IMAGES + "/" + image.source().substring(image.source().lastIndexOf('/') + 1);
      b.put(tar, image.source(), image.sha256(), 0644);
      b.run(ctr + " images import --no-unpack=false " + tar);
      b.alsoCheck(ctr + " images ls -q | grep -qxF '" + image.reference() + "'");
      refs.add(image.reference());
    }
    b.verify(ctr + " images ls -q | grep -cxF -e '" + String.join("' -e '", refs) + "' | grep -qx " + refs.size());
    return Optional.of(b.build());
  }

  private static List<String> components(PlanInput in) {
    List<String> c = new ArrayList<>(List.of("pause", "coredns", "metrics-server", "traefik"));
    if (in.facts().network().flannel()) {
      c.add("flannel");
    }
    if (in.facts().runsBundleGatewayImage()) {
      c.add(BundleRequirements.GATEWAY_IMAGE);
    }
    if (in.facts().gitlabPostgres().isPresent()) {
      c.add(BundleRequirements.GITLAB_POSTGRES_IMAGE);
    }
    if (in.facts().runsGitlabRedis()) {
      c.add(BundleRequirements.GITLAB_REDIS_IMAGE);
    }
    if (in.facts().serviceLoadBalancer()) {
      c.addAll(List.of("metallb-controller", "metallb-speaker"));
    }
    if (in.facts().enforcesNetworkPolicy()) {
      c.add(BundleRequirements.KUBE_ROUTER_IMAGE);
    }
    return c;
  }
}

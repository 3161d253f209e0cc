package dev.kubeyard.engine.lab;

import dev.kubeyard.model.spec.Role;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** The cluster.yaml a lab is installed from: the normal spec, pointing at the lab's hosts and key. */
final class LabSpec {
  private LabSpec() {}

  static String yaml(LabTopology t, Path privateKey, String kubernetesVersion) {
    boolean ha = t.hosts().stream().filter(h -> h.roles().contains(Role.LB)).count() >= 2;
    StringBuilder b = new StringBuilder();
    b.append("# Written by 'kubeyard lab up' for the local lab '").append(t.name()).append("'.\n");
    b.append("# Install it with: kubeyard apply -f ").append(privateKey.resolveSibling("cluster.yaml")).append("\n");
    b.append("apiVersion: kubeyard.dev/v1alpha1\nkind: Cluster\nmetadata:\n  name: ").append(t.name()).append("\n");
    b.append("kubernetes:\n  version: ").append(kubernetesVersion).append("\n");
    // the bundle's runtime, said outright so no default can pick another (ADR 33)
    b.append("  containerRuntime: containerd\n");
    // the lab's machines are containers without CAP_SYS_RESOURCE: nothing in them may lower an OOM score
    b.append("  restrictOomScoreAdj: true\n");
    if (ha) {
      b.append("loadBalancer:\n  vip: ").append(t.vip()).append("\n  interfaceName: eth0\n");
    }
    b.append("hosts:\n");
    for (LabHost h : t.hosts()) {
      String roles = h.roles().stream().map(Role::yamlName).collect(Collectors.joining(", "));
      b.append("  - name: ").append(h.name()).append("\n    address: ").append(h.address())
          .append("\n    roles: [").append(roles).append("]\n    ssh: {user: root, port: 22, privateKey: ")
          .append(privateKey).append("}\n");
    }
    return b.toString();
  }
}

package dev.kubeyard.engine.bundle;

import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.validate.Validator;

/** Cluster specs for bundle tests: the example topology at a chosen version, with or without Windows. */
public final class Specs {
  private Specs() {}

  public static ClusterSpec cluster(String version, boolean windowsWorker) {
    String yaml = yaml(version, windowsWorker);
    Validator.Result result = Validator.loadText(yaml);
    if (!result.valid()) {
      throw new IllegalStateException("test spec is invalid: " + result.problems());
    }
    return result.spec();
  }

  /** The spec's text, for tests that hand cluster.yaml to the CLI. */
  public static String yaml(String version, boolean windowsWorker) {
    String yaml = """
        apiVersion: kubeyard.dev/v1alpha1
        kind: Cluster
        metadata: {name: lab}
        kubernetes: {version: %s, containerRuntime: containerd}
        loadBalancer: {vip: 192.168.1.10, interfaceName: eth0}
        hosts:
          - {name: lb1, address: 192.168.1.11, roles: [lb]}
          - {name: lb2, address: 192.168.1.12, roles: [lb]}
          - {name: master1, address: 192.168.1.1, roles: [etcd, master]}
          - {name: master2, address: 192.168.1.2, roles: [etcd, master]}
          - {name: node1, address: 192.168.1.3, roles: [etcd, node]}
        """.formatted(version);
    if (windowsWorker) {
      yaml += "  - {name: win1, address: 192.168.1.6, os: windows, roles: [node]}\n"
          + "windows: {serverVersion: \"1809\", networkMode: overlay}\n";
    }
    return yaml;
  }
}

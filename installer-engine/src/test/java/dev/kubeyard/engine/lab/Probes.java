package dev.kubeyard.engine.lab;

import dev.kubeyard.engine.bundle.ManifestJson;
import java.nio.file.Path;

/**
 * Two probe pods pinned to node1 and node2, running the bundle's CoreDNS image as a tiny server: its
 * health plugin answers HTTP on 8080. The labs' images hold no shell, so the checks run from the node
 * inside pod B's network namespace (nsenter), which is where pod B's own traffic would start.
 */
final class Probes {
  private static final String CONF = "/probe/Corefile";

  private Probes() {}

  static void start(Kubectl kubectl, Path bundle) {
    String image;
    try {
      image = ManifestJson.read(bundle).images().stream().filter(i -> i.component().equals("coredns")).findFirst()
          .orElseThrow().reference();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    kubectl.apply("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: probe}
        data:
          Corefile: |
            .:1053 {
              health :8080
              whoami
            }
        """ + pod("probe-a", "node1", image) + pod("probe-b", "node2", image) + """
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: probe-a}
        spec:
          selector: {probe: probe-a}
          ports: [{name: health, port: 8080, targetPort: 8080}]
        """);
    kubectl.ok("wait", "--for=condition=Ready", "pod/probe-a", "pod/probe-b", "--timeout=180s");
  }

  private static String pod(String name, String node, String image) {
    return """
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, labels: {probe: %s}}
        spec:
          nodeName: %s
          containers:
          - name: server
            image: %s
            imagePullPolicy: Never
            args: ["-conf", "%s"]
            readinessProbe: {httpGet: {path: /health, port: 8080}}
            volumeMounts: [{name: conf, mountPath: /probe}]
          volumes: [{name: conf, configMap: {name: probe}}]
        """.formatted(name, name, node, image, CONF);
  }

  static String podIp(Kubectl kubectl, String pod) {
    return kubectl.ok("get", "pod", pod, "-o", "jsonpath={.status.podIP}");
  }

  /** A command run on node2 in pod B's network namespace (its server is the only process with the probe conf there). */
  static String inPodB(String command) {
    return "nsenter --net=/proc/$(pgrep -f -- \"-conf " + CONF + "\" | head -1)/ns/net " + command;
  }
}

package dev.kubeyard.engine.lab;

import dev.kubeyard.engine.testing.Proc;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints what the cluster looked like when a lab test failed, before the lab is removed: CI keeps only
 * the test output, and "pod did not come back within 600 s" (CI of stop 29) says nothing about why.
 * Nodes and their pressure conditions, every pod, the namespace's claims and recent events, then for each pod that
 * is not ready its description and its container's last lines, the network policy controller's last
 * lines on every node, and the host's disk (the lab's nodes share it).
 */
final class LabDiagnostics implements TestWatcher {
  private final Supplier<Kubectl> kubectl;
  private final String namespace;

  LabDiagnostics(Supplier<Kubectl> kubectl, String namespace) {
    this.kubectl = kubectl;
    this.namespace = namespace;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Kubectl k = kubectl.get();
    if (k == null) {
      return;
    }
    StringBuilder out = new StringBuilder("=== lab diagnostics after " + context.getDisplayName() + " failed ===\n");
    section(out, "nodes", k, "get", "nodes", "-o", "wide");
    section(out, "node conditions that are true", k, "get", "nodes", "-o",
        "jsonpath={range .items[*]}{.metadata.name}:{range .status.conditions[?(@.status==\"True\")]} {.type}{end}{\"\\n\"}{end}");
    section(out, "pods", k, "get", "pods", "-A", "-o", "wide");
    section(out, "claims in " + namespace, k, "-n", namespace, "get", "pvc", "-o", "wide");
    section(out, "events in " + namespace, k, "-n", namespace, "get", "events", "--sort-by=.lastTimestamp");
    for (String pod : notReady(k)) {
      section(out, "describe " + pod, k, "-n", namespace, "describe", "pod", pod);
      section(out, "logs " + pod, k, "-n", namespace, "logs", pod, "--tail=40", "--all-containers");
    }
    section(out, "kube-router", k, "-n", "kube-flannel", "logs", "-l", "k8s-app=kube-router", "--tail=15", "--prefix");
    out.append("--- host disk\n").append(Proc.run(null, "df", "-h", "/").output());
    System.out.println(out);
  }

  private List<String> notReady(Kubectl k) {
    String rows = k.run("-n", namespace, "get", "pods", "-o",
        "jsonpath={range .items[*]}{.metadata.name} {.status.conditions[?(@.type==\"Ready\")].status}{\"\\n\"}{end}").output();
    return rows.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.endsWith(" True"))
        .map(l -> l.split(" ")[0]).limit(4).toList();
  }

  private static void section(StringBuilder out, String title, Kubectl k, String... args) {
    Proc.Result r = k.run(args);
    List<String> lines = r.output().lines().toList();
    out.append("--- ").append(title).append('\n');
    // the end of long output is what matters: the latest events, the latest log lines
    lines.subList(Math.max(0, lines.size() - 80), lines.size()).forEach(l -> out.append(l).append('\n'));
  }
}

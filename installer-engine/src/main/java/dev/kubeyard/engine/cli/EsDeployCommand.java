package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.apps.elasticsearch.ConfigRevision;
import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import dev.kubeyard.engine.apps.elasticsearch.local.HarnessCluster;
import dev.kubeyard.engine.apps.elasticsearch.local.LocalNodes;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTarget;
import dev.kubeyard.engine.k8s.elasticsearch.StatefulSetFleet;
import dev.kubeyard.model.spec.Defaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Creates the cluster: the rendered objects on Kubernetes, or local harness nodes. */
@Command(name = "deploy", description = "Deploy Elasticsearch (bootstraps a new cluster, then records it).")
final class EsDeployCommand implements Callable<Integer> {
  @Mixin
  EsTargetOptions target;

  @Spec
  CommandSpec command;

  @Option(names = "--version", defaultValue = Defaults.ELASTICSEARCH_VERSION,
      description = "local nodes only: Elasticsearch version (default: ${DEFAULT-VALUE})")
  String version;

  @Option(names = "--heap", defaultValue = "256m", description = "local nodes only: heap per node")
  String heap;

  @Option(names = "--nodes", defaultValue = "3", description = "local nodes only: how many")
  int nodes;

  @Option(names = "--base-port", defaultValue = "19200", description = "local nodes only: HTTP ports base+1.., "
      + "transport ports base+101..")
  int basePort;

  @Option(names = "--harness", defaultValue = "tools/es-harness/run-es.sh",
      description = "local nodes only: the harness start script (default: ${DEFAULT-VALUE}, from the repository root)")
  Path harness;

  @Override
  public Integer call() {
    target.check(command.commandLine());
    return EsFailures.report(() -> {
      if (target.local()) {
        Path file = target.localNodes.toAbsolutePath();
        LocalNodes layout = Files.exists(file) ? LocalNodes.read(file) : LocalNodes.layout(file.getParent(),
            "kubeyard-local", harness, nodes, basePort);
        layout.write(file);
        HarnessCluster.deploy(layout, new UpdateTarget(EsVersion.of(version), ConfigRevision.of(heap, Map.of())),
            EsTargetOptions.printer());
        System.out.println("deployed " + layout.nodes().size() + " local nodes on " + version + "; " + file);
        return 0;
      }
      StatefulSetFleet fleet = target.kubernetes().deploy(EsTargetOptions.printer(), System.out::println);
      System.out.println("deployed: " + fleet.describe());
      return 0;
    });
  }
}

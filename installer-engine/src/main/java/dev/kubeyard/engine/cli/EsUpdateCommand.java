package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.apps.elasticsearch.ConfigRevision;
import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import dev.kubeyard.engine.apps.elasticsearch.update.ElasticsearchFleet;
import dev.kubeyard.engine.apps.elasticsearch.update.RollingUpdate;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateRefused;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateState;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTarget;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A safe rolling update to the spec's version and configuration (Kubernetes), or to --version /
 * --heap / -E settings (local nodes); an interrupted update resumes with the same command or --resume.
 */
@Command(name = "update", description = "Rolling update, one node at a time behind health and shard gates.")
final class EsUpdateCommand implements Callable<Integer> {
  @Mixin
  EsTargetOptions target;

  @Spec
  CommandSpec command;

  @Option(names = "--resume", description = "continue the update stored in the cluster")
  boolean resume;

  @Option(names = "--version", description = "local nodes only: the target version (default: unchanged)")
  String version;

  @Option(names = "--heap", description = "local nodes only: the target heap (default: unchanged)")
  String heap;

  @Option(names = "-E", description = "local nodes only: node setting key=value of the target revision; "
      + "replaces the current settings when given")
  Map<String, String> settings;

  @Override
  public Integer call() {
    target.check(command.commandLine());
    return EsFailures.report(() -> {
      ElasticsearchFleet fleet = target.fleet();
      RollingUpdate update = new RollingUpdate(fleet, EsTargetOptions.printer());
      UpdateState done = resume ? update.resume() : update.update(wanted(fleet));
      System.out.println(done.describe());
      return 0;
    });
  }

  private UpdateTarget wanted(ElasticsearchFleet fleet) {
    if (!target.local()) {
      return target.kubernetes().wanted();
    }
    UpdateTarget current = fleet.stateStore().load().map(UpdateState::to).orElseThrow(() -> new UpdateRefused(
        "no deployment is recorded in the cluster", "deploy with `kubeyard es deploy --local-nodes FILE`"));
    ConfigRevision revision = ConfigRevision.of(heap == null ? current.revision().heap() : heap,
        settings == null ? current.revision().nodeSettings() : new TreeMap<>(settings));
    return new UpdateTarget(version == null ? current.version() : EsVersion.of(version), revision);
  }
}

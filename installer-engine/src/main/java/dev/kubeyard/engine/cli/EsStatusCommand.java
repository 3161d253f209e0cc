package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.apps.elasticsearch.update.FleetStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Health, every node's version and revision, the allocation setting and the stored update. */
@Command(name = "status", description = "Show health, nodes (version, revision, roles) and the last update.")
final class EsStatusCommand implements Callable<Integer> {
  @Mixin
  EsTargetOptions target;

  @Spec
  CommandSpec command;

  @Override
  public Integer call() {
    target.check(command.commandLine());
    return EsFailures.report(() -> {
      FleetStatus.read(target.fleet()).lines().forEach(System.out::println);
      return 0;
    });
  }
}

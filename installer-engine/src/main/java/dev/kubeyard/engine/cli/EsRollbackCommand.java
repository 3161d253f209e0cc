package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.apps.elasticsearch.update.RollingUpdate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Rolls the last update back when Elasticsearch allows it; otherwise explains and names the snapshot. */
@Command(name = "rollback", description = "Roll the last update back (config: always; version: only before any "
    + "node ran it, else restore the pre-upgrade snapshot).")
final class EsRollbackCommand implements Callable<Integer> {
  @Mixin
  EsTargetOptions target;

  @Spec
  CommandSpec command;

  @Override
  public Integer call() {
    target.check(command.commandLine());
    return EsFailures.report(() -> {
      System.out.println(new RollingUpdate(target.fleet(), EsTargetOptions.printer()).rollback().describe());
      return 0;
    });
  }
}

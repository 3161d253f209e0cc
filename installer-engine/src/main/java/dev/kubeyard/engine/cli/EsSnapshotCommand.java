package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.apps.elasticsearch.update.ElasticsearchFleet;
import dev.kubeyard.engine.apps.elasticsearch.update.PreUpgradeSnapshot;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Snapshots in Kubeyard's fs repository: list, take one, or restore one (e.g. into an old-version cluster). */
@Command(name = "snapshot", description = "list | create NAME | restore NAME in the fs repository kubeyard-snapshots.")
final class EsSnapshotCommand implements Callable<Integer> {
  @Mixin
  EsTargetOptions target;

  @Spec
  CommandSpec command;

  @Parameters(index = "0", description = "list, create or restore")
  String action;

  @Parameters(index = "1", arity = "0..1", description = "the snapshot name (create, restore)")
  String name;

  @Override
  public Integer call() {
    target.check(command.commandLine());
    return EsFailures.report(() -> {
      ElasticsearchFleet fleet = target.fleet();
      PreUpgradeSnapshot snapshots = new PreUpgradeSnapshot(fleet.api(), fleet.snapshotLocation());
      switch (action) {
        case "list" -> snapshots.list().forEach(System.out::println);
        case "create" -> System.out.println("snapshot " + required() + " of " + snapshots.take(name) + " indices");
        case "restore" -> System.out.println("restored " + snapshots.restore(required()) + " indices from " + name);
        default -> {
          System.err.println("unknown action " + action + "; use list, create NAME or restore NAME");
          return 2;
        }
      }
      return 0;
    });
  }

  private String required() {
    if (name == null) {
      throw new IllegalArgumentException(action + " needs a snapshot name");
    }
    return name;
  }
}

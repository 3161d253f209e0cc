package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.apps.elasticsearch.rest.ElasticsearchApi;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsNode;
import dev.kubeyard.engine.apps.elasticsearch.update.ElasticsearchFleet;
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
      ElasticsearchFleet fleet = target.fleet();
      ElasticsearchApi api = fleet.api();
      System.out.println(fleet.describe());
      System.out.println("health: " + api.health());
      System.out.println("shard allocation: " + api.allocation());
      for (EsNode n : api.nodes()) {
        System.out.println("  " + n.describe() + " roles " + n.roles());
      }
      for (String m : fleet.members()) {
        if (api.node(m).isEmpty()) {
          System.out.println("  " + m + ": not in the cluster" + (fleet.running(m) ? " (running)" : " (not running)"));
        }
      }
      System.out.println("last update: " + fleet.stateStore().load().map(s -> s.describe()).orElse("none recorded"));
      return 0;
    });
  }
}

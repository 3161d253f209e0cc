package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.apps.elasticsearch.local.HarnessFleet;
import dev.kubeyard.engine.apps.elasticsearch.local.LocalNodes;
import dev.kubeyard.engine.apps.elasticsearch.update.ElasticsearchFleet;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEvent;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateEventText;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateListener;
import dev.kubeyard.engine.k8s.elasticsearch.ElasticsearchOnKubernetes;
import dev.kubeyard.model.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where the cluster is: a spec plus a kubeconfig (StatefulSets), or a local nodes file (harness
 * processes on this machine, for demonstrations and tests).
 */
final class EsTargetOptions {
  @Option(names = {"-f", "--file"}, description = "the cluster spec (apps.elasticsearch); with --kubeconfig")
  Path spec;

  @Option(names = "--kubeconfig", description = "kubeconfig of the cluster, e.g. the admin.kubeconfig `plan` wrote")
  Path kubeconfig;

  @Option(names = "--local-nodes", description = "nodes.json of local harness nodes (tools/es-harness) instead")
  Path localNodes;

  boolean local() {
    return localNodes != null;
  }

  void check(picocli.CommandLine cmd) {
    if (local() == (kubeconfig != null)) {
      throw new ParameterException(cmd, "give either --local-nodes FILE, or -f cluster.yaml with --kubeconfig FILE");
    }
    if (!local() && spec == null) {
      throw new ParameterException(cmd, "--kubeconfig needs -f cluster.yaml (the Elasticsearch section)");
    }
  }

  /** The spec's Elasticsearch on the kubeconfig's cluster, as the desktop's Elasticsearch tab reaches it. */
  ElasticsearchOnKubernetes kubernetes() {
    Validator.Result r = Validator.load(spec);
    if (!r.valid()) {
      throw new IllegalArgumentException(spec + " is invalid; run `kubeyard validate -f " + spec + "`");
    }
    return ElasticsearchOnKubernetes.of(r.validSpec(), kubeconfig);
  }

  ElasticsearchFleet fleet() {
    if (local()) {
      if (!Files.exists(localNodes)) {
        throw new IllegalArgumentException("no local nodes file " + localNodes + "; create the nodes with "
            + "`kubeyard es deploy --local-nodes " + localNodes + "`");
      }
      return new HarnessFleet(LocalNodes.read(localNodes));
    }
    return kubernetes().fleet();
  }

  /** Prints progress; a refusal is printed once, by {@link EsFailures}, on stderr. */
  static UpdateListener printer() {
    return e -> {
      if (!(e instanceof UpdateEvent.UpdateRefused)) {
        System.out.println(UpdateEventText.of(e));
      }
    };
  }
}

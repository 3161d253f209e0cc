package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.validate.Validator;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The spec and the cluster's kubeconfig an application's command takes ({@code python-service},
 * {@code gitlab}, {@code sqlserver}). The spec is validated, and must enable the application, before the cluster
 * is contacted.
 */
abstract class AppTarget {
  @Option(names = {"-f", "--file"}, required = true, description = "the cluster spec (its apps section)")
  Path spec;

  @Option(names = "--kubeconfig", required = true,
      description = "kubeconfig of the cluster, e.g. the admin.kubeconfig `plan` wrote")
  Path kubeconfig;

  /** The valid spec's facts; a refusal naming the fix when the spec is invalid or does not run the app. */
  final ClusterFacts facts() {
    Validator.Result r = Validator.load(spec);
    if (!r.valid()) {
      // every problem (field, value, rule, fix) right here, not only behind another command
      ValidateCommand.report(spec, r.problems(), System.err);
      throw new CommandFailure(spec + " is invalid; nothing was sent to the cluster",
          "fix what is listed above (`kubeyard validate -f " + spec + "` checks it again)");
    }
    ClusterFacts facts = ClusterFacts.of(r.validSpec());
    requireApp(r.spec(), facts);
    return facts;
  }

  /** Throws a {@link CommandFailure} when the spec does not run this command's application. */
  abstract void requireApp(ClusterSpec spec, ClusterFacts facts);
}

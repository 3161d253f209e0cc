package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.pipeline.PlanPipeline;
import dev.kubeyard.engine.pki.PkiReport;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.model.validate.Validator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes the PKI, every host's files and the ordered plan to a folder a person reviews before applying. */
@Command(name = "plan", description = "Write the PKI, every file each host needs and plan.txt (the ordered steps) to a folder.")
final class PlanCommand implements Callable<Integer> {

  @Option(names = {"-f", "--file"}, required = true, description = "the cluster spec")
  Path file;

  @Option(names = {"-o", "--output"}, required = true, description = "the plan folder (created; the PKI in it is kept on re-runs)")
  Path output;

  @Mixin PassphraseOptions passphrase;

  @Override
  public Integer call() throws Exception {
    Validator.Result result = Validator.load(file);
    ValidateCommand.warn(result, System.err);
    if (!result.valid()) {
      ValidateCommand.report(file, result.problems(), System.err);
      System.err.println("nothing was written");
      return 1;
    }
    PlanPipeline.WrittenPlan written = PlanPipeline.write(result.validSpec(), output, null,
        passphrase.source(file.toAbsolutePath().getParent()));
    PkiReport pki = written.pki();
    Plan plan = written.plan();
    System.out.println("PKI: " + pki.summary());
    pki.entries().stream().filter(e -> e.outcome() != PkiReport.Outcome.KEPT).forEach(e -> System.out.println("  " + e));
    IngressTlsLine.print(written.ingressTls(), System.out);
    System.out.println("plan: " + plan.steps().size() + " steps on " + plan.byHost().size() + " hosts, Kubernetes "
        + plan.kubernetesVersion());
    System.out.println("review " + output.resolve("plan.txt") + " before applying");
    return 0;
  }
}

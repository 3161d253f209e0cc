package dev.kubeyard.engine.cli;

import dev.kubeyard.model.validate.Problem;
import dev.kubeyard.model.validate.Validator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Validates a spec: exit 0 when valid, 1 with every problem listed. */
@Command(name = "validate", description = "Check a cluster.yaml and list every problem (field, value, rule, fix).")
final class ValidateCommand implements Callable<Integer> {

  @Option(names = {"-f", "--file"}, required = true, description = "the cluster spec")
  Path file;

  @Override
  public Integer call() {
    Validator.Result result = Validator.load(file);
    if (result.valid()) {
      System.out.println(file + " is valid: " + result.spec().hosts().size() + " hosts, Kubernetes "
          + result.spec().kubernetes().version());
      return 0;
    }
    report(file, result.problems(), System.err);
    return 1;
  }

  static void report(Path file, List<Problem> problems, PrintStream out) {
    out.println(file + " has " + problems.size() + (problems.size() == 1 ? " problem:" : " problems:"));
    problems.forEach(p -> out.println("  - " + p));
  }
}

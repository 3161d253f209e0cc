package dev.kubeyard.engine.cli;

import dev.kubeyard.model.validate.Problem;
import dev.kubeyard.model.validate.ProblemMessages;
import dev.kubeyard.model.validate.Validator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Validates a spec: exit 0 when valid, 1 with every problem listed, in the user's language. */
@Command(name = "validate", description = "Check a cluster.yaml and list every problem (field, value, rule, fix).")
final class ValidateCommand implements Callable<Integer> {

  @Option(names = {"-f", "--file"}, required = true, description = "the cluster spec")
  Path file;

  @Override
  public Integer call() {
    Validator.Result result = Validator.load(file);
    warn(result, System.err);
    if (result.valid()) {
      System.out.println(ProblemMessages.text("report.valid", CliLanguage.current(), List.of(file.toString(),
          String.valueOf(result.spec().hosts().size()), result.spec().kubernetes().version())));
      return 0;
    }
    report(file, result.problems(), System.err);
    return 1;
  }

  /** Each warning of a loaded spec, one line each ("warning: path: rule; fix"), in the user's language. */
  static void warn(Validator.Result result, PrintStream out) {
    result.warnings().forEach(w -> out.println("warning: " + w.toString(CliLanguage.current())));
  }

  /** Every problem of {@code file}, in the language of the user's locale. */
  static void report(Path file, List<Problem> problems, PrintStream out) {
    report(file, problems, out, CliLanguage.current());
  }

  static void report(Path file, List<Problem> problems, PrintStream out, Locale locale) {
    String count = String.valueOf(problems.size());
    out.println(ProblemMessages.text(problems.size() == 1 ? "report.one" : "report.many", locale,
        List.of(file.toString(), count)));
    problems.forEach(p -> out.println("  - " + p.toString(locale)));
  }
}

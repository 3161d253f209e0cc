package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.bundle.BundleProblem;
import dev.kubeyard.engine.bundle.verify.BundleVerifier;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.validate.Validator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Exit 0 when the bundle is intact (and complete for the spec, if given); 1 with every problem listed. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Check every file's checksum and platform; with -f, also that the bundle"
    + " has everything that cluster needs at its Kubernetes version.")
final class BundleVerifyCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DIR", description = "the bundle folder (holding manifest.json)")
  Path bundle;

  @Option(names = {"-f", "--file"}, description = "a cluster spec the bundle must be complete for")
  Path specFile;

  @Override
  public Integer call() {
    ClusterSpec spec = null;
    if (specFile != null) {
      Validator.Result result = Validator.load(specFile);
      if (!result.valid()) {
        ValidateCommand.report(specFile, result.problems(), System.err);
        return 1;
      }
      spec = result.spec();
    }
    BundleVerifier.Report report = BundleVerifier.verify(bundle, spec);
    if (report.ok()) {
      System.out.println(bundle + " is intact" + (spec == null ? "" : " and complete for " + specFile) + ": Kubernetes "
          + report.manifest().kubernetesVersion() + ", " + report.manifest().files().size() + " files, "
          + report.manifest().images().size() + " images");
      return 0;
    }
    int n = report.problems().size();
    System.err.println(bundle + " has " + n + (n == 1 ? " problem:" : " problems:"));
    for (BundleProblem p : report.problems()) {
      System.err.println("  - " + p);
    }
    return 1;
  }
}

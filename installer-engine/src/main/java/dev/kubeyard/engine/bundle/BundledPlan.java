package dev.kubeyard.engine.bundle;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.PlanBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes a plan that installs from an offline bundle: the one given, or else the newest built on this
 * machine when it carries the spec's Kubernetes version. A bundle that cannot install the spec (a
 * missing binary or image, a damaged file) is refused before any host is touched. CLI and desktop share it.
 */
public final class BundledPlan {
  private BundledPlan() {}

  /** The bundle to install from: {@code given}, or the newest built here for the facts' version. */
  public static Optional<Path> locate(Path given, ClusterFacts facts) {
    if (given != null) {
      return Optional.of(given);
    }
    return BundleCache.fromEnvironment().latestBundle()
        .filter(b -> b.getFileName().toString().startsWith("kubeyard-bundle-" + facts.version() + "-"));
  }

  /** Verifies {@code bundle} against the spec, then writes the plan that installs from it. */
  public static Plan write(ClusterFacts facts, Path planDir, Path bundle) throws IOException, BundleException {
    BundleVerifier.Report report = BundleVerifier.verifyForInstall(bundle, facts.spec());
    if (!report.ok()) {
      List<BundleProblem> problems = report.problems();
      throw new BundleException("the bundle " + bundle + " cannot install this spec:\n" + problems.stream()
          .map(p -> "  " + p.path() + ": " + p.problem() + "\n    fix: " + p.fix()).collect(Collectors.joining("\n")));
    }
    return PlanBuilder.write(facts, planDir, bundle, PlanBundle.read(bundle));
  }
}

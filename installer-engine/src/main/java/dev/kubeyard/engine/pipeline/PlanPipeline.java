package dev.kubeyard.engine.pipeline;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.files.AtomicFiles;
import dev.kubeyard.engine.plan.BundleForPlan;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.ClusterPki;
import dev.kubeyard.engine.pki.PkiReport;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.PlanBuilder;
import dev.kubeyard.engine.topology.ClusterTopology;
import dev.kubeyard.engine.topology.TopologySvg;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.validate.ValidSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The one way a plan is made: spec → facts → PKI → rendered files → the install sequence's steps → the
 * plan folder. {@code kubeyard plan}, {@code apply}, {@code reset}, {@code status} and the desktop's review
 * all call this, so a plan written by any of them is the same plan (kind's {@code create.go} is the model).
 * It takes a {@link ValidSpec}: the caller's entry (the CLI's file, the wizard's draft) validates once.
 */
public final class PlanPipeline {
  private PlanPipeline() {}

  /** The picture of the cluster in the plan folder. */
  public static final String TOPOLOGY_SVG = "topology.svg";

  /** A plan folder and what went into it: the PKI report says which certificates were issued or kept. */
  public record WrittenPlan(Plan plan, Path folder, PkiReport pki) {}

  /**
   * The plan in memory, to review before anything is issued or written: certificates show the digest
   * {@link PlanBuilder#CERTIFICATE_DIGEST_PENDING}, the encryption key is a throwaway one.
   */
  public static Plan preview(ValidSpec spec) {
    return PlanBuilder.preview(ClusterFacts.of(spec));
  }

  /**
   * Issues the PKI in {@code dir/pki} (kept on re-runs) and writes the plan folder, {@value #TOPOLOGY_SVG} included. With a bundle
   * ({@code bundle} not null) the bundle is verified against the spec first and the plan also installs
   * its binaries and images; without one the plan places configuration and certificates only.
   *
   * @throws BundleException the bundle cannot install this spec; the message names every problem and its fix
   */
  public static WrittenPlan write(ValidSpec spec, Path dir, Path bundle) throws IOException, BundleException {
    ClusterFacts facts = ClusterFacts.of(spec);
    PkiReport pki = ClusterPki.ensure(facts, dir.resolve("pki"), Clock.systemUTC());
    Plan plan = bundle == null ? PlanBuilder.write(facts, dir) : BundleForPlan.write(facts, dir, bundle);
    // Beside plan.txt, for the administrator: the cluster this plan builds, as a picture (issue 20).
    AtomicFiles.write(dir.resolve(TOPOLOGY_SVG), TopologySvg.of(facts), AtomicFiles.WORLD_READABLE);
    return new WrittenPlan(plan, dir, pki);
  }

  /** What topology.svg shows, for a screen to draw the same picture (the desktop's review and manager). */
  public static ClusterTopology topology(ValidSpec spec) {
    return ClusterTopology.of(ClusterFacts.of(spec));
  }

  /** The bundle an install uses: {@code given}, else the newest built on this machine for the spec's version. */
  public static Optional<Path> bundleFor(Path given, ClusterSpec spec) {
    return BundleForPlan.locate(given, ClusterFacts.of(spec));
  }
}

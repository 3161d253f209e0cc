package dev.kubeyard.engine.pipeline;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.files.AtomicFiles;
import dev.kubeyard.engine.plan.BundleForPlan;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.ClusterPki;
import dev.kubeyard.engine.pki.IngressCertificateException;
import dev.kubeyard.engine.pki.IngressTls;
import dev.kubeyard.engine.pki.PkiMaterial;
import dev.kubeyard.engine.pki.PkiPassphrase;
import dev.kubeyard.engine.pki.PkiReport;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.PlanBuilder;
import dev.kubeyard.engine.topology.ClusterTopology;
import dev.kubeyard.engine.topology.TopologySvg;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.validate.Problem;
import dev.kubeyard.model.validate.ValidSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

  /**
   * A plan folder and what went into it: the PKI report says which certificates were issued or kept,
   * {@code ingressTls} which certificate the ingress serves (its toString never shows the key).
   */
  public record WrittenPlan(Plan plan, Path folder, PkiReport pki, IngressTls ingressTls) {}

  /**
   * The plan in memory, to review before anything is issued or written: certificates show the digest
   * {@link PlanBuilder#CERTIFICATE_DIGEST_PENDING}, the encryption key is a throwaway one; the
   * administrator's own ingress certificate is read and checked as {@link #write} does.
   *
   * @throws IngressCertificateException that certificate cannot serve the spec's hosts
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
   * @throws IngressCertificateException the administrator's ingress certificate cannot serve the spec's
   *     hosts; nothing was written
   */
  public static WrittenPlan write(ValidSpec spec, Path dir, Path bundle) throws IOException, BundleException {
    return write(spec, dir, bundle, PkiPassphrase.fromEnvironment());
  }

  /**
   * As {@link #write(ValidSpec, Path, Path)}, the CA keys encrypted with {@code passphrase} (ADR 37), which is
   * asked for only when a CA key must be opened (to sign) or encrypted (new, or found unencrypted).
   */
  public static WrittenPlan write(ValidSpec spec, Path dir, Path bundle, PkiPassphrase passphrase)
      throws IOException, BundleException {
    ClusterFacts facts = ClusterFacts.of(spec);
    // The administrator's certificate first: a file that cannot serve the hosts stops the run before
    // the PKI or the plan folder is touched.
    Optional<IngressTls> own = IngressTls.own(facts, Instant.now());
    PkiReport pki = ClusterPki.ensure(facts, dir.resolve("pki"), Clock.systemUTC(), passphrase);
    Plan plan = bundle == null ? PlanBuilder.write(facts, dir) : BundleForPlan.write(facts, dir, bundle);
    // Beside plan.txt, for the administrator: the cluster this plan builds, as a picture (issue 20).
    AtomicFiles.write(dir.resolve(TOPOLOGY_SVG), TopologySvg.of(facts), AtomicFiles.WORLD_READABLE);
    IngressTls tls = own.orElseGet(() -> IngressTls.forPlan(facts, PkiMaterial.load(dir.resolve("pki")), Instant.now()));
    return new WrittenPlan(plan, dir, pki, tls);
  }

  /**
   * The problems {@link #write} would refuse the administrator's own ingress certificate with, for a form
   * to show beside its fields; empty when it serves the spec's hosts or the spec names none. Reads the files.
   */
  public static List<Problem> ingressCertificateProblems(ValidSpec spec) {
    try {
      IngressTls.own(ClusterFacts.of(spec), Instant.now());
      return List.of();
    } catch (IngressCertificateException e) {
      return e.problems();
    }
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

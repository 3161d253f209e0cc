package dev.kubeyard.desktop.wizard.review;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.ClusterPki;
import dev.kubeyard.engine.plan.BundleForPlan;
import dev.kubeyard.engine.plan.CertificatePlacement;
import dev.kubeyard.engine.plan.InstallSequence;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.PlanBuilder;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.plan.PlanText;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.render.ClusterRenderer;
import dev.kubeyard.engine.render.ClusterSecrets;
import dev.kubeyard.engine.render.RenderContext;
import dev.kubeyard.engine.render.RenderedFile;
import dev.kubeyard.engine.render.WindowsPaths;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.HostSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The install plan of a valid spec, built by the engine ({@link InstallSequence}, {@link PlanText}),
 * to review before anything runs: per host, the files it receives and the steps it goes through.
 *
 * <p>{@link #of} is a preview in memory: certificates are not issued yet, so their digests show as
 * {@link #CERTIFICATE_DIGEST_PENDING}. {@link #written} issues the PKI and writes the plan folder
 * ({@code folder} is then set), from the offline bundle when there is one.
 */
public record PlanPreview(ClusterSpec spec, Plan plan, List<RenderedFile> files, String text, Path folder) {
  public static final String CERTIFICATE_DIGEST_PENDING = "0".repeat(64);

  public static PlanPreview of(ClusterSpec spec) {
    ClusterFacts facts = ClusterFacts.of(spec);
    List<RenderedFile> files = ClusterRenderer.render(new RenderContext(facts, previewSecrets()));
    Map<String, String> certificates = new TreeMap<>();
    CertificatePlacement.pkiFilesOf(facts).forEach(name -> certificates.put(name, CERTIFICATE_DIGEST_PENDING));
    Plan plan = InstallSequence.plan(new PlanInput(facts, files, certificates, dev.kubeyard.engine.plan.BundleContent.none()));
    return new PlanPreview(spec, plan, files, PlanText.format(plan), null);
  }

  /**
   * Issues the PKI (kept on re-runs) and writes the plan folder as the CLI does ({@code ClusterTarget}):
   * with a bundle, verified against the spec first ({@link BundleForPlan#write}), the plan also installs
   * its binaries and images; without one ({@code bundle} null) it is {@code kubeyard plan -o dir}.
   *
   * @throws BundleException the bundle cannot install this spec; the message names every problem and its fix
   */
  public static PlanPreview written(ClusterSpec spec, Path dir, Path bundle) throws IOException, BundleException {
    ClusterFacts facts = ClusterFacts.of(spec);
    ClusterPki.ensure(facts, dir.resolve("pki"), Clock.systemUTC());
    Plan plan = bundle == null ? PlanBuilder.write(facts, dir) : BundleForPlan.write(facts, dir, bundle);
    List<RenderedFile> files = ClusterRenderer.render(
        new RenderContext(facts, ClusterSecrets.loadOrCreate(dir.resolve("pki"))));
    return new PlanPreview(spec, plan, files, PlanText.format(plan), dir);
  }

  /** A throwaway encryption key: the preview never leaves this process and its secret files are not shown. */
  private static ClusterSecrets previewSecrets() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new ClusterSecrets(Base64.getEncoder().encodeToString(key));
  }

  public List<String> hosts() {
    return List.copyOf(plan.byHost().keySet());
  }

  public List<Step> stepsOf(String host) {
    return plan.byHost().getOrDefault(host, List.of());
  }

  public long filesOf(String host) {
    return files.stream().filter(f -> f.host().equals(host)).count();
  }
}

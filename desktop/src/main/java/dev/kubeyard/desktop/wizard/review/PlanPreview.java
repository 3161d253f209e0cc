package dev.kubeyard.desktop.wizard.review;

import dev.kubeyard.desktop.security.PassphrasePrompt;
import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.pipeline.PlanPipeline;
import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.PlanText;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.render.IngressControllerFiles;
import dev.kubeyard.engine.topology.LiveState;
import dev.kubeyard.engine.topology.TopologyDrawing;
import dev.kubeyard.engine.topology.TopologyLayout;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.validate.ValidSpec;
import dev.kubeyard.model.version.KubernetesVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The install plan of a valid spec, made by the engine's {@link PlanPipeline} (the CLI's too), to review
 * before anything runs: per host, the files it receives and the steps it goes through.
 *
 * <p>{@link #of} is a preview in memory: certificates are not issued yet. {@link #written} issues the
 * PKI and writes the plan folder ({@code folder} is then set), from the offline bundle when there is one.
 * Both carry the cluster's topology picture, laid out off the FX thread with the plan.
 */
public record PlanPreview(ClusterSpec spec, Plan plan, String text, Path folder, TopologyDrawing topology) {

  public static PlanPreview of(ValidSpec spec) {
    Plan plan = PlanPipeline.preview(spec);
    return new PlanPreview(spec.spec(), plan, PlanText.format(plan), null, picture(spec));
  }

  /** The ingress controller this plan installs and when its security support ended (the review warns). */
  public IngressControllerFiles.Support ingressSupport() {
    return IngressControllerFiles.support(KubernetesVersion.of(plan.kubernetesVersion()));
  }

  /** The picture topology.svg holds, laid out for the screen (the same marks, painted by the review's canvas). */
  private static TopologyDrawing picture(ValidSpec spec) {
    return TopologyLayout.draw(PlanPipeline.topology(spec), LiveState.planned());
  }

  /**
   * Issues the PKI (kept on re-runs) and writes the plan folder as {@code kubeyard plan} and {@code apply}
   * do: with a bundle, verified against the spec first; without one ({@code bundle} null) it is
   * {@code kubeyard plan -o dir}.
   *
   * @throws BundleException the bundle cannot install this spec; the message names every problem and its fix
   */
  public static PlanPreview written(ValidSpec spec, Path dir, Path bundle) throws IOException, BundleException {
    Plan plan = PlanPipeline.write(spec, dir, bundle, PassphrasePrompt.current().pki()).plan();
    return new PlanPreview(spec.spec(), plan, PlanText.format(plan), dir, picture(spec));
  }

  public List<String> hosts() {
    return List.copyOf(plan.byHost().keySet());
  }

  public List<Step> stepsOf(String host) {
    return plan.byHost().getOrDefault(host, List.of());
  }

  /** The rendered files the plan places on {@code host} (certificates and bundle files not counted). */
  public long filesOf(String host) {
    return placed("hosts/" + host + "/");
  }

  /** The rendered files the plan places on all hosts. */
  public long files() {
    return placed("hosts/");
  }

  private long placed(String sourcePrefix) {
    return plan.steps().stream().flatMap(s -> s.apply().stream())
        .filter(a -> a instanceof Action.PutFile f && f.source().startsWith(sourcePrefix)).count();
  }
}

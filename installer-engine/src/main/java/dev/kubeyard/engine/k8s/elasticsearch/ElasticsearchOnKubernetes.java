package dev.kubeyard.engine.k8s.elasticsearch;

import dev.kubeyard.engine.apps.elasticsearch.manifest.ElasticsearchDeployment;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateListener;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTarget;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.validate.ValidSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The Elasticsearch a valid spec's apps.elasticsearch describes, on the cluster a kubeconfig reaches:
 * the one way {@code kubeyard es ...} and the desktop's Elasticsearch tab connect to it. Nothing is sent
 * until the first request.
 */
public record ElasticsearchOnKubernetes(Path kubeconfig, ElasticsearchDeployment deployment) {
  /** How long a new cluster may take to form and how often deploy looks at it meanwhile. */
  private static final Duration FORM_TIMEOUT = Duration.ofMinutes(15);
  private static final Duration POLL_EVERY = Duration.ofSeconds(5);

  /** For a spec the caller validated (the CLI). */
  public static ElasticsearchOnKubernetes of(ValidSpec spec, Path kubeconfig) {
    return new ElasticsearchOnKubernetes(kubeconfig, ElasticsearchDeployment.of(ClusterFacts.of(spec)));
  }

  /** For a spec validated here (the desktop's loaded cluster.yaml). */
  public static ElasticsearchOnKubernetes of(ClusterSpec spec, Path kubeconfig) {
    return new ElasticsearchOnKubernetes(kubeconfig, ElasticsearchDeployment.of(ClusterFacts.of(spec)));
  }

  /** A new fleet over the StatefulSets; each keeps its own view of the update state stored in the cluster. */
  public StatefulSetFleet fleet() {
    return StatefulSetFleet.connect(kubeconfig, deployment);
  }

  /** What an update goes to: the spec's version and configuration revision. */
  public UpdateTarget wanted() {
    return new UpdateTarget(deployment.version(), deployment.revision());
  }

  /** Creates the cluster (a new one bootstraps, then is recorded); returns the fleet it deployed. */
  public StatefulSetFleet deploy(UpdateListener listener, Consumer<String> log) throws InterruptedException {
    StatefulSetFleet fleet = fleet();
    new ElasticsearchDeployer(fleet, log, POLL_EVERY).deploy(FORM_TIMEOUT, listener);
    return fleet;
  }
}

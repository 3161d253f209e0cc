package dev.kubeyard.desktop.manager.elasticsearch;

import dev.kubeyard.engine.apps.elasticsearch.manifest.ElasticsearchDeployment;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.model.spec.ClusterSpec;
import java.nio.file.Path;

/** Finds the Elasticsearch of the cluster a kubeconfig reaches, as the spec's apps.elasticsearch describes it. */
@FunctionalInterface
public interface EsConnector {
  /** Called in the background; {@code spec} has apps.elasticsearch enabled. */
  EsConnection connect(Path kubeconfig, ClusterSpec spec);

  /** The app's: StatefulSets on Kubernetes, reached through the kubeconfig (nothing is sent until needed). */
  static EsConnector kubernetes() {
    return (kubeconfig, spec) -> new KubernetesConnection(kubeconfig, ElasticsearchDeployment.of(ClusterFacts.of(spec)));
  }
}

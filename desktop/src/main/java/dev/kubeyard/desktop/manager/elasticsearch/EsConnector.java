package dev.kubeyard.desktop.manager.elasticsearch;

import dev.kubeyard.engine.apps.elasticsearch.update.ElasticsearchFleet;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateListener;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTarget;
import dev.kubeyard.engine.k8s.elasticsearch.ElasticsearchOnKubernetes;
import dev.kubeyard.model.spec.ClusterSpec;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Finds the Elasticsearch of the cluster a kubeconfig reaches, as the spec's apps.elasticsearch describes it. */
@FunctionalInterface
public interface EsConnector {
  /** Called in the background; {@code spec} has apps.elasticsearch enabled. */
  EsConnection connect(Path kubeconfig, ClusterSpec spec);

  /**
   * The app's: the engine's {@link ElasticsearchOnKubernetes}, the same connection {@code kubeyard es ...
   * -f cluster.yaml --kubeconfig} makes (nothing is sent until needed).
   */
  static EsConnector kubernetes() {
    return (kubeconfig, spec) -> {
      ElasticsearchOnKubernetes es = ElasticsearchOnKubernetes.of(spec, kubeconfig);
      return new EsConnection() {
        @Override
        public ElasticsearchFleet fleet() {
          return es.fleet();
        }

        @Override
        public UpdateTarget wanted() {
          return es.wanted();
        }

        @Override
        public void deploy(UpdateListener listener, Consumer<String> log) throws InterruptedException {
          es.deploy(listener, log);
        }
      };
    };
  }
}

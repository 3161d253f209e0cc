package dev.kubeyard.desktop.manager.elasticsearch;

import dev.kubeyard.engine.apps.elasticsearch.manifest.ElasticsearchDeployment;
import dev.kubeyard.engine.apps.elasticsearch.update.ElasticsearchFleet;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateListener;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTarget;
import dev.kubeyard.engine.k8s.elasticsearch.ElasticsearchDeployer;
import dev.kubeyard.engine.k8s.elasticsearch.StatefulSetFleet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** Elasticsearch on the StatefulSets the spec renders, as `kubeyard es ... -f cluster.yaml --kubeconfig` does. */
public record KubernetesConnection(Path kubeconfig, ElasticsearchDeployment deployment) implements EsConnection {

  @Override
  public ElasticsearchFleet fleet() {
    return StatefulSetFleet.connect(kubeconfig, deployment);
  }

  @Override
  public UpdateTarget wanted() {
    return new UpdateTarget(deployment.version(), deployment.revision());
  }

  @Override
  public void deploy(UpdateListener listener, Consumer<String> log) throws InterruptedException {
    new ElasticsearchDeployer(StatefulSetFleet.connect(kubeconfig, deployment), log, Duration.ofSeconds(5))
        .deploy(Duration.ofMinutes(15), listener);
  }
}

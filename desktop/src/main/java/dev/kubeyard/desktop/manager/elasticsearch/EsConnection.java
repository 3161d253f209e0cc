package dev.kubeyard.desktop.manager.elasticsearch;

import dev.kubeyard.engine.apps.elasticsearch.update.ElasticsearchFleet;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateListener;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTarget;
import java.util.function.Consumer;

/**
 * The Elasticsearch cluster the tab manages and what the spec wants it to run. The app's is
 * {@link EsConnector#kubernetes()} (the engine's connection); tests pass one over local harness nodes or a stand-in fleet.
 */
public interface EsConnection {
  /**
   * A new fleet object over the same nodes. Each keeps its own view of the update state stored in
   * the cluster, so a status read in the background never disturbs a running update's saves.
   */
  ElasticsearchFleet fleet();

  /** What "Update" goes to: the spec's version and configuration revision. */
  UpdateTarget wanted();

  /** Creates the cluster as the spec describes it (a new cluster bootstraps, then is recorded). */
  void deploy(UpdateListener listener, Consumer<String> log) throws InterruptedException;
}

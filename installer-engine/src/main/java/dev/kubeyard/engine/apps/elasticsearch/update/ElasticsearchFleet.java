package dev.kubeyard.engine.apps.elasticsearch.update;

import dev.kubeyard.engine.apps.elasticsearch.rest.ElasticsearchApi;
import java.util.List;

/**
 * The port the rolling update drives: where the nodes of one cluster run and how one of them is
 * restarted. Two adapters implement it: harness processes on this machine (stop the process, start
 * it again on the target version with the same data path) and Kubernetes StatefulSets with
 * {@code updateStrategy: OnDelete} (the template already says the target; deleting a pod restarts it).
 */
public interface ElasticsearchFleet {
  /** For messages: "3 harness nodes in /tmp/x", "StatefulSets in namespace elastic". */
  String describe();

  /** The cluster's REST API, reachable while any one node serves. */
  ElasticsearchApi api();

  /** Where the state of an update is kept, in the cluster, so any machine can resume it. */
  UpdateStateStore stateStore();

  /** Every node that belongs to the cluster, by node name, whether or not it runs right now. */
  List<String> members();

  /** Makes {@code target} the configuration nodes get on their next start, restarting none of them. */
  void prepare(UpdateTarget target);

  /** True while the node's process or pod exists (it may not have joined the cluster). */
  boolean running(String node);

  /** Stops the node and returns once its process or pod is gone. */
  void stop(String node) throws InterruptedException;

  /** Starts the node on {@code target} and returns once it runs; joining is checked by the caller. */
  void start(String node, UpdateTarget target) throws InterruptedException;

  /** The fs snapshot repository's location, relative to every node's {@code path.repo}. */
  default String snapshotLocation() {
    return "kubeyard";
  }
}

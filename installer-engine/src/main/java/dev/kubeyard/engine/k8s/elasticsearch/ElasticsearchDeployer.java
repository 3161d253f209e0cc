package dev.kubeyard.engine.k8s.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeyard.engine.apps.elasticsearch.manifest.ElasticsearchDeployment;
import dev.kubeyard.engine.apps.elasticsearch.manifest.ElasticsearchManifests;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.apps.elasticsearch.manifest.NodeRole;
import dev.kubeyard.engine.apps.elasticsearch.rest.ClusterHealth;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsException;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsResponse;
import dev.kubeyard.engine.apps.elasticsearch.update.RollingUpdate;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateListener;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateRefused;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTarget;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * {@code kubeyard es deploy}: creates every object (an existing one is merge-patched). A new cluster
 * bootstraps with cluster.initial_master_nodes; once it is green with every node, the master
 * StatefulSet is patched again without it and the deployment is recorded as the update baseline.
 * A cluster that exists and runs another version or revision is left alone: that is an update.
 */
public final class ElasticsearchDeployer {
  private final StatefulSetFleet fleet;
  private final Consumer<String> log;
  private final Duration pollEvery;

  public ElasticsearchDeployer(StatefulSetFleet fleet, Consumer<String> log, Duration pollEvery) {
    this.fleet = fleet;
    this.log = log;
    this.pollEvery = pollEvery;
  }

  public void deploy(Duration formTimeout, UpdateListener listener) throws InterruptedException {
    KubernetesAccess k8s = fleet.access();
    ElasticsearchDeployment d = fleet.deployment()
        .withApiserverSources(ApiserverSources.read(k8s, fleet.deployment().kubernetes()));
    KubernetesAccess.Reply master = k8s.send("GET", ApiPaths.statefulSet(d.namespace(), d.statefulSet(NodeRole.MASTER)));
    boolean bootstrap = master.status() == 404;
    if (!bootstrap) {
      fleet.stateStore().load().filter(s -> !s.to().equals(new UpdateTarget(d.version(), d.revision())))
          .ifPresent(s -> {
            throw new UpdateRefused("the cluster runs " + s.to() + ", the spec asks for " + d.version() + " revision "
                + d.revision().id(), "that is an update: run `kubeyard es update`");
          });
    }
    for (Manifest m : ElasticsearchManifests.render(d, bootstrap)) {
      apply(k8s, m);
    }
    if (!bootstrap) {
      log.accept("every object is in place; the cluster already runs " + d.version());
      return;
    }
    int nodes = fleet.members().size();
    long deadline = System.nanoTime() + formTimeout.toNanos();
    ClusterHealth health = null;
    while (health == null || !health.green() || health.nodes() < nodes) {
      if (System.nanoTime() > deadline) {
        throw new EsException("the new cluster did not become green with " + nodes + " nodes within "
            + formTimeout.toMinutes() + " min (last: " + health + ")", "look at the pods' logs; run deploy again");
      }
      Thread.sleep(pollEvery.toMillis());
      try {
        health = fleet.api().health();
      } catch (EsException e) {
        log.accept("waiting for the cluster to form: " + e.getMessage());
      }
    }
    log.accept("cluster formed: " + health + "; removing cluster.initial_master_nodes from the masters");
    fleet.prepare(new UpdateTarget(d.version(), d.revision()));
    new RollingUpdate(fleet, listener).recordDeployment(new UpdateTarget(d.version(), d.revision()));
  }

  private void apply(KubernetesAccess k8s, Manifest m) {
    KubernetesAccess.Reply r = k8s.send("POST", ApiPaths.collection(m), m.json(), "application/json");
    if (r.status() == 409) {
      r = k8s.send("PATCH", ApiPaths.object(m), m.json(), KubernetesAccess.MERGE_PATCH);
      log.accept("patched " + m.kind() + " " + m.name() + " (" + r.status() + ")");
    } else {
      log.accept("created " + m.kind() + " " + m.name() + " (" + r.status() + ")");
    }
    if (!r.ok()) {
      JsonNode body = new EsResponse(r.status(), r.body()).json();
      throw new EsException("cannot apply " + m.kind() + " " + m.name() + ": " + body.path("message").asText(r.body()),
          "check the kubeconfig's permissions and the cluster's version (" + m.apiVersion() + ")");
    }
  }
}

package dev.kubeyard.engine.k8s.elasticsearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.elasticsearch.manifest.ElasticsearchDeployment;
import dev.kubeyard.engine.apps.elasticsearch.manifest.ElasticsearchManifests;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Labels;
import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.apps.elasticsearch.manifest.NodeRole;
import dev.kubeyard.engine.apps.elasticsearch.rest.ElasticsearchApi;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsException;
import dev.kubeyard.engine.apps.elasticsearch.update.ElasticsearchFleet;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateFailed;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateRefused;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateStateStore;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes adapter: StatefulSets with {@code updateStrategy: OnDelete}. {@link #prepare}
 * merge-patches each StatefulSet's pod template to the target (Kubernetes restarts nothing);
 * {@link #stop} deletes one pod and waits until it is gone; {@link #start} waits for the controller
 * to create it again from the new template.
 */
public final class StatefulSetFleet implements ElasticsearchFleet {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final KubernetesAccess k8s;
  private final ElasticsearchDeployment deployment;
  private final ElasticsearchApi api;
  private final UpdateStateStore store;
  private final Duration podTimeout;

  StatefulSetFleet(KubernetesAccess k8s, ElasticsearchDeployment deployment, Duration podTimeout) {
    this(k8s, deployment, podTimeout, ServiceProxyTransport.DEFAULT_NOT_READY_WAIT);
  }

  /** {@code notReadyWait}: how long a request waits for the Service to have a ready pod again. */
  StatefulSetFleet(KubernetesAccess k8s, ElasticsearchDeployment deployment, Duration podTimeout, Duration notReadyWait) {
    this.k8s = k8s;
    this.deployment = deployment;
    this.api = new ElasticsearchApi(new ServiceProxyTransport(k8s, deployment.namespace(), ElasticsearchDeployment.NAME,
        notReadyWait));
    this.store = new StatefulSetAnnotationStore(k8s, deployment.namespace(), deployment.statefulSet(NodeRole.MASTER));
    this.podTimeout = podTimeout;
  }

  /** Connects lazily through the kubeconfig; nothing is sent until the first request. */
  public static StatefulSetFleet connect(Path kubeconfig, ElasticsearchDeployment deployment) {
    return new StatefulSetFleet(KubernetesAccess.fromKubeconfig(kubeconfig), deployment, Duration.ofMinutes(10));
  }

  KubernetesAccess access() {
    return k8s;
  }

  public ElasticsearchDeployment deployment() {
    return deployment;
  }

  @Override
  public String describe() {
    return "StatefulSets " + deployment.roles().stream().map(deployment::statefulSet).toList() + " in namespace "
        + deployment.namespace() + " at " + k8s.server();
  }

  @Override
  public ElasticsearchApi api() {
    return api;
  }

  @Override
  public UpdateStateStore stateStore() {
    return store;
  }

  @Override
  public List<String> members() {
    List<String> pods = new ArrayList<>();
    for (NodeRole role : deployment.roles()) {
      for (int i = 0; i < deployment.replicas(role); i++) {
        pods.add(deployment.statefulSet(role) + "-" + i);
      }
    }
    return pods;
  }

  /** The deployment as it looks on {@code target}; refuses a revision this spec cannot render. */
  ElasticsearchDeployment at(UpdateTarget target) {
    ElasticsearchDeployment d = deployment.withVersion(target.version()).withHeap(target.revision().heap());
    if (!d.revision().id().equals(target.revision().id())) {
      throw new UpdateRefused("revision " + target.revision() + " cannot be rendered from this spec (it renders "
          + d.revision() + ")", "the cluster name or discovery settings changed in the spec; restore them first");
    }
    return d;
  }

  @Override
  public void prepare(UpdateTarget target) {
    for (Manifest sts : ElasticsearchManifests.statefulSets(at(target))) {
      ObjectNode patch = JSON.createObjectNode();
      patch.putObject("metadata").set("annotations", sts.object().path("metadata").path("annotations"));
      patch.putObject("spec").set("template", sts.object().path("spec").path("template"));
      KubernetesAccess.Reply r = k8s.send("PATCH", ApiPaths.object(sts), patch.toString(), KubernetesAccess.MERGE_PATCH);
      if (!r.ok()) {
        throw new EsException("cannot patch " + ApiPaths.object(sts) + ": " + r.status() + " " + r.body(),
            "check the kubeconfig's permissions on statefulsets");
      }
    }
  }

  @Override
  public boolean running(String node) {
    return pod(node).map(p -> p.path("metadata").path("deletionTimestamp").isMissingNode()).orElse(false);
  }

  @Override
  public void stop(String node) throws InterruptedException {
    String uid = pod(node).map(p -> p.path("metadata").path("uid").asText()).orElse("");
    KubernetesAccess.Reply r = k8s.send("DELETE", ApiPaths.pod(deployment.namespace(), node));
    if (!r.ok() && r.status() != 404) {
      throw new EsException("cannot delete pod " + node + ": " + r.status() + " " + r.body(),
          "check the kubeconfig's permissions on pods");
    }
    waitFor(node, "the old pod to be gone", p -> p.isEmpty() || !p.get().path("metadata").path("uid").asText().equals(uid));
  }

  @Override
  public void start(String node, UpdateTarget target) throws InterruptedException {
    String revision = target.revision().id();
    String version = target.version().toString();
    waitFor(node, "a pod on " + target, p -> p.isPresent()
        && revision.equals(p.get().path("metadata").path("labels").path(Labels.REVISION).asText())
        && version.equals(p.get().path("metadata").path("labels").path(Labels.VERSION).asText())
        && "Running".equals(p.get().path("status").path("phase").asText()));
  }

  private void waitFor(String node, String what, java.util.function.Predicate<Optional<JsonNode>> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + podTimeout.toNanos();
    while (!done.test(pod(node))) {
      if (System.nanoTime() > deadline) {
        throw new UpdateFailed("pod " + node + " did not reach " + what + " within " + podTimeout.toSeconds() + " s",
            "look at `kubectl -n " + deployment.namespace() + " describe pod " + node + "`; the update resumes when "
            + "run again");
      }
      Thread.sleep(1_000);
    }
  }

  private Optional<JsonNode> pod(String node) {
    KubernetesAccess.Reply r = k8s.send("GET", ApiPaths.pod(deployment.namespace(), node));
    if (r.status() == 404) {
      return Optional.empty();
    }
    if (!r.ok()) {
      throw new EsException("cannot read pod " + node + ": " + r.status() + " " + r.body(),
          "check the kubeconfig's permissions on pods");
    }
    try {
      return Optional.of(JSON.readTree(r.body()));
    } catch (JsonProcessingException e) {
      throw new EsException("the apiserver answered with something that is not JSON for pod " + node, "check the server");
    }
  }
}

package dev.kubeyard.engine.k8s.pyservice;

import static dev.kubeyard.engine.k8s.ObjectApi.integer;
import static dev.kubeyard.engine.k8s.ObjectApi.obj;

import com.google.gson.JsonObject;
import dev.kubeyard.engine.apps.ingress.TraefikIngress;
import dev.kubeyard.engine.apps.pyservice.GatewayTokens;
import dev.kubeyard.engine.apps.pyservice.PythonServiceManifests;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.k8s.AppliedObject;
import dev.kubeyard.engine.k8s.AppliedObject.Outcome;
import dev.kubeyard.engine.k8s.ClusterStatusException;
import dev.kubeyard.engine.k8s.Kubeconfigs;
import dev.kubeyard.engine.k8s.ObjectApi;
import dev.kubeyard.model.spec.PythonServiceSpec;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.dynamic.Dynamics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code kubeyard python-service deploy}: the gateway's rendered objects onto the cluster, each created
 * or, when it exists, merge-patched (server-side apply would need 1.16; this works on 1.14 too). The
 * Secret is never rendered or sent: the administrator creates it, and {@link #status} says when it is
 * missing. The API tokens' Secret ({@link GatewayTokens}) is generated here, after the namespace and
 * before the pods that mount its hashes; its values are never printed or logged.
 */
public final class GatewayDeployer {
  public static final String SECRET = PythonServiceManifests.SECRET;
  private final ObjectApi objects;

  public GatewayDeployer(ApiClient client) {
    this.objects = new ObjectApi(client, "use a kubeconfig whose user may manage the gateway's namespace");
  }

  public static GatewayDeployer fromKubeconfig(Path kubeconfig) {
    return new GatewayDeployer(Kubeconfigs.client(kubeconfig, Duration.ofSeconds(30),
        "choose the admin.kubeconfig that `kubeyard plan` wrote"));
  }

  /** Creates or updates every rendered object, keeping the API tokens there are. */
  public List<AppliedObject> deploy(ClusterFacts facts, Consumer<AppliedObject> progress) {
    return deploy(facts, false, progress);
  }

  /**
   * Creates or updates every rendered object, in {@link PythonServiceManifests#APPLY_ORDER}, and the API
   * tokens' Secret right after the namespace: generated when missing or incomplete, or when
   * {@code rotateTokens}; else kept.
   */
  public List<AppliedObject> deploy(ClusterFacts facts, boolean rotateTokens, Consumer<AppliedObject> progress) {
    Map<String, String> files = PythonServiceManifests.render(facts);
    List<AppliedObject> applied = new ArrayList<>();
    for (String file : PythonServiceManifests.APPLY_ORDER) {
      if (files.containsKey(file)) {
        AppliedObject a = apply(Dynamics.newFromYaml(files.get(file)));
        applied.add(a);
        progress.accept(a);
      }
      if (file.equals("namespace.yaml")) {
        AppliedObject tokens = tokens(facts.apps().pythonService().namespace(), rotateTokens);
        applied.add(tokens);
        progress.accept(tokens);
      }
    }
    return applied;
  }

  private AppliedObject tokens(String ns, boolean rotate) {
    Optional<Map<String, String>> existing = tokenData(ns);
    if (existing.isPresent() && !rotate && GatewayTokens.complete(existing.get())) {
      return new AppliedObject("Secret", ns, GatewayTokens.SECRET, Outcome.SKIPPED, "its API tokens are kept"
          + " (--rotate-tokens replaces them)");
    }
    JsonObject data = new JsonObject();
    GatewayTokens.generate().forEach((k, v) -> data.addProperty(k,
        Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    JsonObject raw = new JsonObject();
    raw.addProperty("apiVersion", "v1");
    raw.addProperty("kind", "Secret");
    JsonObject meta = new JsonObject();
    meta.addProperty("name", GatewayTokens.SECRET);
    meta.addProperty("namespace", ns);
    JsonObject labels = new JsonObject();
    labels.addProperty("app.kubernetes.io/name", PythonServiceManifests.NAME);
    labels.addProperty("app.kubernetes.io/managed-by", "kubeyard");
    meta.add("labels", labels);
    raw.add("metadata", meta);
    raw.addProperty("type", "Opaque");
    raw.add("data", data);
    AppliedObject a = apply(new DynamicKubernetesObject(raw));
    String how = "new API tokens (read, write, full); read one with: " + GatewayTokens.kubectlCommand(ns, "read");
    return new AppliedObject(a.kind(), ns, GatewayTokens.SECRET, a.outcome(),
        existing.isPresent() ? how + "; the pods take the new hashes within about a minute" : how);
  }

  /** The API tokens' Secret as strings, if it exists. */
  private Optional<Map<String, String>> tokenData(String ns) {
    KubernetesApiResponse<DynamicKubernetesObject> s = objects.get("v1", "Secret", ns, GatewayTokens.SECRET);
    if (!s.isSuccess()) {
      return Optional.empty();
    }
    Map<String, String> data = new LinkedHashMap<>();
    obj(s.getObject().getRaw(), "data").entrySet().forEach(e -> data.put(e.getKey(),
        new String(Base64.getDecoder().decode(e.getValue().getAsString()), StandardCharsets.UTF_8)));
    return Optional.of(data);
  }

  /** The read-scoped token the status check presents, from the Secret; empty when there is none. */
  public Optional<String> readToken(ClusterFacts facts) {
    return tokenData(facts.apps().pythonService().namespace()).map(d -> d.get(GatewayTokens.READ))
        .filter(t -> !t.isBlank());
  }

  private AppliedObject apply(DynamicKubernetesObject o) {
    if (!o.getKind().equals("IngressRouteTCP")) {
      return objects.apply(o);
    }
    KubernetesApiResponse<DynamicKubernetesObject> created = objects.create(o);
    String ns = o.getMetadata().getNamespace();
    String name = o.getMetadata().getName();
    if (created.isSuccess()) {
      return new AppliedObject(o.getKind(), ns, name, Outcome.CREATED, "");
    }
    if (created.getHttpStatusCode() == 404) {
      return new AppliedObject(o.getKind(), ns, name, Outcome.SKIPPED, namespaceExists(ns)
          ? "the apiserver has no " + o.getApiVersion() + " IngressRouteTCP (Traefik's CRDs): SQL Server's TCP route"
              + " is added when the ingress controller addon is installed and this is deployed again"
          : "namespace " + ns + " does not exist: SQL Server's TCP route is added when SQL Server is installed"
              + " and this is deployed again");
    }
    if (created.getHttpStatusCode() != 409) {
      throw objects.refused("create", o, created);
    }
    return objects.update(o);
  }

  private boolean namespaceExists(String ns) {
    return objects.call(() -> objects.api("v1", "Namespace").get(ns), "read", "Namespace " + ns).isSuccess();
  }

  /** What the cluster runs of the gateway the spec describes. */
  public GatewayStatus status(ClusterFacts facts) {
    PythonServiceSpec spec = facts.apps().pythonService();
    String ns = spec.namespace();
    String name = PythonServiceManifests.NAME;
    KubernetesApiResponse<DynamicKubernetesObject> d = objects.get("apps/v1", "Deployment", ns, name);
    if (d.getHttpStatusCode() == 404) {
      return GatewayStatus.notDeployed(ns, spec.host());
    }
    if (!d.isSuccess()) {
      throw new ClusterStatusException("reading Deployment " + ns + "/" + name + " was refused: "
          + ObjectApi.message(d), "check that the kubeconfig's user may read Deployments in " + ns, null);
    }
    JsonObject raw = d.getObject().getRaw();
    JsonObject st = obj(raw, "status");
    String image = obj(obj(obj(raw, "spec"), "template"), "spec").getAsJsonArray("containers").get(0)
        .getAsJsonObject().get("image").getAsString();
    boolean secret = objects.get("v1", "Secret", ns, SECRET).isSuccess();
    boolean tokens = tokenData(ns).map(GatewayTokens::complete).orElse(false);
    return new GatewayStatus(ns, true, integer(obj(raw, "spec"), "replicas"), integer(st, "readyReplicas"),
        integer(st, "updatedReplicas"), image, secret, spec.host(), ingressAddress(facts, ns, name), tokens);
  }

  private String ingressAddress(ClusterFacts facts, String ns, String name) {
    String apiVersion = TraefikIngress.ingressApiVersion(facts.version());
    KubernetesApiResponse<DynamicKubernetesObject> i = objects.get(apiVersion, "Ingress", ns, name);
    if (!i.isSuccess()) {
      return "";
    }
    JsonObject lb = obj(obj(i.getObject().getRaw(), "status"), "loadBalancer");
    if (!lb.has("ingress") || lb.getAsJsonArray("ingress").isEmpty()) {
      return "";
    }
    JsonObject first = lb.getAsJsonArray("ingress").get(0).getAsJsonObject();
    return first.has("ip") ? first.get("ip").getAsString() : first.has("hostname") ? first.get("hostname").getAsString() : "";
  }
}

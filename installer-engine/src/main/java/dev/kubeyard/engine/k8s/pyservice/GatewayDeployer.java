package dev.kubeyard.engine.k8s.pyservice;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.kubeyard.engine.apps.ingress.TraefikIngress;
import dev.kubeyard.engine.apps.pyservice.PythonServiceManifests;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.k8s.ClusterStatusException;
import dev.kubeyard.engine.k8s.Kubeconfigs;
import dev.kubeyard.engine.k8s.pyservice.AppliedObject.Outcome;
import dev.kubeyard.model.spec.PythonServiceSpec;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.dynamic.Dynamics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code kubeyard python-service deploy}: the gateway's rendered objects onto the cluster, each created
 * or, when it exists, merge-patched (server-side apply would need 1.16; this works on 1.14 too). The
 * Secret is never rendered or sent: the administrator creates it, and {@link #status} says when it is
 * missing.
 */
public final class GatewayDeployer {
  public static final String SECRET = PythonServiceManifests.SECRET;
  private final ApiClient client;

  public GatewayDeployer(ApiClient client) {
    this.client = client;
  }

  public static GatewayDeployer fromKubeconfig(Path kubeconfig) {
    return new GatewayDeployer(Kubeconfigs.client(kubeconfig, Duration.ofSeconds(30),
        "choose the admin.kubeconfig that `kubeyard plan` wrote"));
  }

  /** Creates or updates every rendered object, in {@link PythonServiceManifests#APPLY_ORDER}. */
  public List<AppliedObject> deploy(ClusterFacts facts, Consumer<AppliedObject> progress) {
    Map<String, String> files = PythonServiceManifests.render(facts);
    List<AppliedObject> applied = new ArrayList<>();
    for (String file : PythonServiceManifests.APPLY_ORDER) {
      if (files.containsKey(file)) {
        AppliedObject a = apply(Dynamics.newFromYaml(files.get(file)));
        applied.add(a);
        progress.accept(a);
      }
    }
    return applied;
  }

  private AppliedObject apply(DynamicKubernetesObject o) {
    String ns = o.getMetadata().getNamespace() == null ? "" : o.getMetadata().getNamespace();
    String name = o.getMetadata().getName();
    DynamicKubernetesApi api = api(o.getApiVersion(), o.getKind());
    KubernetesApiResponse<DynamicKubernetesObject> created = call(() -> api.create(o), "create", o);
    if (created.isSuccess()) {
      return new AppliedObject(o.getKind(), ns, name, Outcome.CREATED, "");
    }
    if (created.getHttpStatusCode() == 404 && o.getKind().equals("IngressRouteTCP")) {
      return new AppliedObject(o.getKind(), ns, name, Outcome.SKIPPED, namespaceExists(ns)
          ? "the apiserver has no " + o.getApiVersion() + " IngressRouteTCP (Traefik's CRDs): SQL Server's TCP route"
              + " is added when the ingress controller addon is installed and this is deployed again"
          : "namespace " + ns + " does not exist: SQL Server's TCP route is added when SQL Server is installed"
              + " and this is deployed again");
    }
    if (created.getHttpStatusCode() != 409) {
      throw refused("create", o, created);
    }
    V1Patch patch = new V1Patch(o.getRaw().toString());
    KubernetesApiResponse<DynamicKubernetesObject> patched = call(() -> ns.isEmpty()
        ? api.patch(name, V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, patch)
        : api.patch(ns, name, V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, patch), "update", o);
    if (!patched.isSuccess()) {
      throw refused("update", o, patched);
    }
    return new AppliedObject(o.getKind(), ns, name, Outcome.UPDATED, "");
  }

  private boolean namespaceExists(String ns) {
    return call(() -> api("v1", "Namespace").get(ns), "read", "Namespace " + ns).isSuccess();
  }

  /** What the cluster runs of the gateway the spec describes. */
  public GatewayStatus status(ClusterFacts facts) {
    PythonServiceSpec spec = facts.apps().pythonService();
    String ns = spec.namespace();
    String name = PythonServiceManifests.NAME;
    KubernetesApiResponse<DynamicKubernetesObject> d = call(
        () -> api("apps/v1", "Deployment").get(ns, name), "read", "Deployment " + ns + "/" + name);
    if (d.getHttpStatusCode() == 404) {
      return GatewayStatus.notDeployed(ns, spec.host());
    }
    if (!d.isSuccess()) {
      throw new ClusterStatusException("reading Deployment " + ns + "/" + name + " was refused: " + message(d),
          "check that the kubeconfig's user may read Deployments in " + ns, null);
    }
    JsonObject raw = d.getObject().getRaw();
    JsonObject st = obj(raw, "status");
    String image = obj(obj(obj(raw, "spec"), "template"), "spec").getAsJsonArray("containers").get(0)
        .getAsJsonObject().get("image").getAsString();
    boolean secret = call(() -> api("v1", "Secret").get(ns, SECRET), "read", "Secret " + ns + "/" + SECRET)
        .isSuccess();
    return new GatewayStatus(ns, true, integer(obj(raw, "spec"), "replicas"), integer(st, "readyReplicas"),
        integer(st, "updatedReplicas"), image, secret, spec.host(), ingressAddress(facts, ns, name));
  }

  private String ingressAddress(ClusterFacts facts, String ns, String name) {
    String apiVersion = TraefikIngress.ingressApiVersion(facts.version());
    KubernetesApiResponse<DynamicKubernetesObject> i = call(() -> api(apiVersion, "Ingress").get(ns, name), "read",
        "Ingress " + ns + "/" + name);
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

  /** The dynamic client for a kind; the REST plural by the API's own rule for these kinds. */
  private DynamicKubernetesApi api(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    String lower = kind.toLowerCase();
    String plural = lower.endsWith("y") ? lower.substring(0, lower.length() - 1) + "ies"
        : lower.endsWith("s") ? lower + "es" : lower + "s";
    return new DynamicKubernetesApi(group, version, plural, client);
  }

  private <T> T call(java.util.function.Supplier<T> request, String verb, Object what) {
    try {
      return request.get();
    } catch (RuntimeException e) {
      String target = what instanceof DynamicKubernetesObject o ? o.getKind() + " " + o.getMetadata().getName()
          : what.toString();
      throw new ClusterStatusException("cannot " + verb + " " + target + " at " + client.getBasePath() + ": "
          + e.getMessage(), "check that the cluster's API is reachable from here and deploy again", e);
    }
  }

  private static ClusterStatusException refused(String verb, DynamicKubernetesObject o,
      KubernetesApiResponse<DynamicKubernetesObject> r) {
    return new ClusterStatusException("the apiserver refused to " + verb + " " + o.getKind() + " "
        + o.getMetadata().getName() + " (" + r.getHttpStatusCode() + "): " + message(r),
        r.getHttpStatusCode() == 403 ? "use a kubeconfig whose user may manage the gateway's namespace"
            : "fix what the message names and deploy again; objects already created stay", null);
  }

  private static String message(KubernetesApiResponse<?> r) {
    return r.getStatus() == null ? "" : r.getStatus().getMessage();
  }

  private static JsonObject obj(JsonObject parent, String member) {
    JsonElement e = parent == null ? null : parent.get(member);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
  }

  private static int integer(JsonObject parent, String member) {
    return parent.has(member) ? parent.get(member).getAsInt() : 0;
  }
}

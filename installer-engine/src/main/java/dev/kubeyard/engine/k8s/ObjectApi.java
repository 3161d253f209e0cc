package dev.kubeyard.engine.k8s;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.kubeyard.engine.k8s.AppliedObject.Outcome;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.util.function.Supplier;

/**
 * Rendered objects onto a cluster for the app deployers (the gateway, GitLab's data tier): each created
 * or, when it exists, merge-patched. Server-side apply would need 1.16; this works on 1.14 too. A refusal
 * becomes a {@link ClusterStatusException} naming the object, the apiserver's message and a fix.
 */
public final class ObjectApi {
  private final ApiClient client;
  private final String forbiddenHint;

  /** @param forbiddenHint the fix when the apiserver answers 403, e.g. which namespace the user must manage */
  public ObjectApi(ApiClient client, String forbiddenHint) {
    this.client = client;
    this.forbiddenHint = forbiddenHint;
  }

  /** Creates {@code o}, or merge-patches it when it exists. */
  public AppliedObject apply(DynamicKubernetesObject o) {
    KubernetesApiResponse<DynamicKubernetesObject> created = create(o);
    if (created.isSuccess()) {
      return applied(o, Outcome.CREATED, "");
    }
    if (created.getHttpStatusCode() != 409) {
      throw refused("create", o, created);
    }
    return update(o);
  }

  /** Creates {@code o} unless it exists: generated passwords and keys are never replaced under running pods. */
  public AppliedObject createIfAbsent(DynamicKubernetesObject o, String keptBecause) {
    KubernetesApiResponse<DynamicKubernetesObject> created = create(o);
    if (created.isSuccess()) {
      return applied(o, Outcome.CREATED, "");
    }
    if (created.getHttpStatusCode() == 409) {
      return applied(o, Outcome.SKIPPED, keptBecause);
    }
    throw refused("create", o, created);
  }

  /** The apiserver's answer to creating {@code o}, for a caller that treats some refusals itself. */
  public KubernetesApiResponse<DynamicKubernetesObject> create(DynamicKubernetesObject o) {
    DynamicKubernetesApi api = api(o.getApiVersion(), o.getKind());
    return call(() -> api.create(o), "create", describe(o));
  }

  /** Merge-patches the existing {@code o}. */
  public AppliedObject update(DynamicKubernetesObject o) {
    String ns = namespace(o);
    String name = o.getMetadata().getName();
    DynamicKubernetesApi api = api(o.getApiVersion(), o.getKind());
    V1Patch patch = new V1Patch(o.getRaw().toString());
    KubernetesApiResponse<DynamicKubernetesObject> patched = call(() -> ns.isEmpty()
        ? api.patch(name, V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, patch)
        : api.patch(ns, name, V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, patch), "update", describe(o));
    if (!patched.isSuccess()) {
      throw refused("update", o, patched);
    }
    return applied(o, Outcome.UPDATED, "");
  }

  /** The object, or the apiserver's answer (404 when absent). */
  public KubernetesApiResponse<DynamicKubernetesObject> get(String apiVersion, String kind, String ns, String name) {
    return call(() -> api(apiVersion, kind).get(ns, name), "read", kind + " " + ns + "/" + name);
  }

  /** The dynamic client for a kind; the REST plural by the API's own rule for the kinds deployed here. */
  public DynamicKubernetesApi api(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    String lower = kind.toLowerCase();
    String plural = lower.endsWith("y") ? lower.substring(0, lower.length() - 1) + "ies"
        : lower.endsWith("s") ? lower + "es" : lower + "s";
    return new DynamicKubernetesApi(group, version, plural, client);
  }

  /** Runs a request; a transport failure becomes an exception that names the target and the cluster. */
  public <T> T call(Supplier<T> request, String verb, String what) {
    try {
      return request.get();
    } catch (RuntimeException e) {
      throw new ClusterStatusException("cannot " + verb + " " + what + " at " + client.getBasePath() + ": "
          + e.getMessage(), "check that the cluster's API is reachable from here and deploy again", e);
    }
  }

  public ClusterStatusException refused(String verb, DynamicKubernetesObject o,
      KubernetesApiResponse<DynamicKubernetesObject> r) {
    return new ClusterStatusException("the apiserver refused to " + verb + " " + describe(o) + " ("
        + r.getHttpStatusCode() + "): " + message(r), r.getHttpStatusCode() == 403 ? forbiddenHint
            : "fix what the message names and deploy again; objects already created stay", null);
  }

  public static String message(KubernetesApiResponse<?> r) {
    return r.getStatus() == null ? "" : r.getStatus().getMessage();
  }

  /** A member object, or an empty one when it is absent (status fields before a controller wrote them). */
  public static JsonObject obj(JsonObject parent, String member) {
    JsonElement e = parent == null ? null : parent.get(member);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
  }

  public static int integer(JsonObject parent, String member) {
    return parent.has(member) ? parent.get(member).getAsInt() : 0;
  }

  /** Whether a pod's Ready condition is True; false before the kubelet reported one. */
  public static boolean podReady(JsonObject pod) {
    JsonElement conditions = obj(pod, "status").get("conditions");
    if (conditions == null || !conditions.isJsonArray()) {
      return false;
    }
    for (JsonElement c : conditions.getAsJsonArray()) {
      JsonObject o = c.getAsJsonObject();
      if (o.get("type").getAsString().equals("Ready")) {
        return o.get("status").getAsString().equals("True");
      }
    }
    return false;
  }

  private static AppliedObject applied(DynamicKubernetesObject o, Outcome outcome, String detail) {
    return new AppliedObject(o.getKind(), namespace(o), o.getMetadata().getName(), outcome, detail);
  }

  private static String namespace(DynamicKubernetesObject o) {
    return o.getMetadata().getNamespace() == null ? "" : o.getMetadata().getNamespace();
  }

  private static String describe(DynamicKubernetesObject o) {
    return o.getKind() + " " + o.getMetadata().getName();
  }
}

package dev.kubeyard.engine.apps.elasticsearch.manifest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.elasticsearch.ConfigRevision;
import dev.kubeyard.engine.podsecurity.PodSecurity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pod of one role: settings as environment variables (the image turns dotted names into
 * settings), heap, requests, readiness, data and snapshot volumes, anti-affinity (required for
 * masters and data: two copies of a shard never share a host). No privileged init container for
 * vm.max_map_count: every Linux host Kubeyard installs sets it (655360) in its sysctl.d
 * (resources/templates/os/sysctl.conf), and an init container would need an image no air-gapped
 * node has (see ADR 13). So the pod fits the restricted standard (ADR 35): the image's own user
 * (uid 1000), no privilege escalation, no capabilities, the runtime's default seccomp profile.
 */
final class PodTemplate {
  /** The user of the official image and of the lab's. */
  private static final int USER = 1000;

  private PodTemplate() {}

  static ObjectNode of(ElasticsearchDeployment d, NodeRole role, boolean bootstrap) {
    ObjectNode template = Labels.NODES.objectNode();
    ObjectNode meta = template.putObject("metadata");
    meta.set("labels", Labels.pod(d, role));
    meta.putObject("annotations").put(Labels.VERSION, d.version().toString())
        .put(Labels.REVISION, d.revision().id());
    ObjectNode spec = template.putObject("spec");
    spec.set("affinity", antiAffinity(d, role));
    spec.putObject("nodeSelector").put(d.kubernetes().atLeast(15) ? "kubernetes.io/os" : "beta.kubernetes.io/os",
        "linux");
    spec.put("terminationGracePeriodSeconds", 120);
    // Elasticsearch never calls the Kubernetes API: no token in its pods for a compromised node to use
    spec.put("automountServiceAccountToken", false);
    PodSecurity.restrictedPod(spec, meta, USER, d.kubernetes());
    spec.putArray("containers").add(container(d, role, bootstrap));
    ObjectNode repo = spec.putArray("volumes").addObject().put("name", "snapshots");
    repo.putObject("persistentVolumeClaim").put("claimName", Snapshots.CLAIM);
    return template;
  }

  private static ObjectNode container(ElasticsearchDeployment d, NodeRole role, boolean bootstrap) {
    ObjectNode c = Labels.NODES.objectNode().put("name", "elasticsearch").put("image", d.image());
    ArrayNode env = c.putArray("env");
    env.addObject().put("name", "node.name").putObject("valueFrom").putObject("fieldRef")
        .put("fieldPath", "metadata.name");
    Map<String, String> settings = new LinkedHashMap<>(d.commonSettings());
    settings.putAll(role.roleSettings(d.version()));
    settings.put("node.attr." + ConfigRevision.NODE_ATTRIBUTE, d.revision().id());
    if (bootstrap && role == NodeRole.MASTER && !d.version().usesZen1Discovery()) {
      settings.put("cluster.initial_master_nodes", String.join(",", d.masterPodNames()));
    }
    settings.put("ES_JAVA_OPTS", "-Xms" + d.heap() + " -Xmx" + d.heap());
    settings.forEach((k, v) -> env.addObject().put("name", k).put("value", v));
    ArrayNode ports = c.putArray("ports");
    ports.addObject().put("name", "http").put("containerPort", 9200);
    ports.addObject().put("name", "transport").put("containerPort", 9300);
    ObjectNode security = c.putObject("securityContext").put("allowPrivilegeEscalation", false);
    security.putObject("capabilities").putArray("drop").add("ALL");
    ObjectNode resources = c.putObject("resources");
    resources.putObject("requests").put("cpu", "500m").put("memory", d.memory());
    resources.putObject("limits").put("memory", d.memory());
    ObjectNode readiness = c.putObject("readinessProbe");
    readiness.putObject("httpGet").put("path", "/_cluster/health?local=true").put("port", 9200);
    readiness.put("initialDelaySeconds", 10).put("periodSeconds", 5).put("failureThreshold", 3);
    ArrayNode mounts = c.putArray("volumeMounts");
    mounts.addObject().put("name", "data").put("mountPath", "/usr/share/elasticsearch/data");
    mounts.addObject().put("name", "snapshots").put("mountPath", ElasticsearchDeployment.REPO_PATH);
    return c;
  }

  private static ObjectNode antiAffinity(ElasticsearchDeployment d, NodeRole role) {
    ObjectNode affinity = Labels.NODES.objectNode();
    ObjectNode anti = affinity.putObject("podAntiAffinity");
    ObjectNode term = Labels.NODES.objectNode().put("topologyKey", "kubernetes.io/hostname");
    term.putObject("labelSelector").set("matchLabels", Labels.role(d, role));
    if (role == NodeRole.INGEST) {
      ObjectNode weighted = anti.putArray("preferredDuringSchedulingIgnoredDuringExecution").addObject()
          .put("weight", 100);
      weighted.set("podAffinityTerm", term);
    } else {
      anti.putArray("requiredDuringSchedulingIgnoredDuringExecution").add(term);
    }
    return affinity;
  }
}

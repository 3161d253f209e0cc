package dev.kubeyard.engine.apps.gitlab.tier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.apps.AppNamespace;
import dev.kubeyard.engine.apps.ingress.TraefikIngress;
import dev.kubeyard.engine.podsecurity.PodSecurityLevel;
import java.util.Map;

/**
 * The namespace, the Services, the disruption budgets, and the two ways in: HTTPS through Traefik's Ingress
 * to Workhorse, SSH through Traefik's TCP entrypoint to gitlab-shell (ADR 29, ADR 44).
 */
final class TierRouting {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TierRouting() {}

  /** Restricted (ADR 35): every GitLab pod runs as git without capabilities. Shared with the data tier. */
  static ObjectNode namespace(GitlabTier t) {
    ObjectNode labels = TierNames.NODES.objectNode().put("app.kubernetes.io/part-of", "gitlab")
        .put("app.kubernetes.io/managed-by", "kubeyard");
    return AppNamespace.of(t.namespace(), labels, PodSecurityLevel.RESTRICTED, t.kubernetes());
  }

  /** Workhorse for every request (Ingress, gitlab-shell, Gitaly's hooks); Puma's port for the toolbox's checks. */
  static ObjectNode webservice(GitlabTier t) {
    ObjectNode svc = service(TierNames.WEBSERVICE, t);
    ArrayNode ports = svc.withObject("/spec").putArray("ports");
    port(ports, "http-workhorse", GitlabTier.WORKHORSE_PORT, "http-workhorse");
    port(ports, "http-webservice", GitlabTier.PUMA_PORT, "http-webservice");
    return svc;
  }

  /** Port 22 as users' git clients expect it, to gitlab-sshd's unprivileged 2222. */
  static ObjectNode shell(GitlabTier t) {
    ObjectNode svc = service(TierNames.SHELL, t);
    port(svc.withObject("/spec").putArray("ports"), "ssh", 22, "ssh");
    return svc;
  }

  /** Headless: Rails addresses the one Gitaly pod by its stable name (gitlab-gitaly-0.gitlab-gitaly). */
  static ObjectNode gitaly(GitlabTier t) {
    ObjectNode svc = service(TierNames.GITALY, t);
    svc.withObject("/spec").put("clusterIP", "None");
    port(svc.withObject("/spec").putArray("ports"), "grpc-gitaly", GitlabTier.GITALY_PORT, "grpc-gitaly");
    return svc;
  }

  /** One pod away at a time by a drain; policy/v1 from 1.21. */
  static ObjectNode budget(String component, GitlabTier t) {
    ObjectNode pdb = TierNames.object(t.kubernetes().atLeast(21) ? "policy/v1" : "policy/v1beta1",
        "PodDisruptionBudget", component, component, t);
    ObjectNode spec = pdb.putObject("spec").put("maxUnavailable", 1);
    spec.putObject("selector").set("matchLabels", TierNames.selector(component));
    return pdb;
  }

  /** apps.gitlab.host over HTTPS, terminated by Traefik with the cluster's ingress certificate, to Workhorse. */
  static ObjectNode ingress(GitlabTier t) {
    Map<String, Object> labels = MAPPER.convertValue(TierNames.labels(TierNames.WEBSERVICE, t),
        new TypeReference<Map<String, Object>>() {});
    return MAPPER.valueToTree(TraefikIngress.ingress(t.kubernetes(), TierNames.WEBSERVICE, t.namespace(), labels,
        t.host(), TierNames.WEBSERVICE, "http-workhorse"));
  }

  /**
   * SSH has no Host header and no SNI: Traefik's gitlab-ssh entrypoint forwards every connection, byte for
   * byte, to gitlab-shell, as the sqlserver entrypoint does for TDS.
   */
  static ObjectNode sshRoute(GitlabTier t) {
    ObjectNode route = TierNames.object(TraefikIngress.crdApiVersion(t.kubernetes()), "IngressRouteTCP",
        TierNames.SHELL + "-ssh", TierNames.SHELL, t);
    ObjectNode spec = route.putObject("spec");
    spec.putArray("entryPoints").add(TraefikIngress.GITLAB_SSH_ENTRYPOINT);
    ObjectNode rule = spec.putArray("routes").addObject().put("match", "HostSNI(`*`)");
    rule.putArray("services").addObject().put("name", TierNames.SHELL).put("port", 22);
    return route;
  }

  private static ObjectNode service(String name, GitlabTier t) {
    ObjectNode svc = TierNames.object("v1", "Service", name, name, t);
    svc.putObject("spec").set("selector", TierNames.selector(name));
    return svc;
  }

  private static void port(ArrayNode ports, String name, int port, String target) {
    ports.addObject().put("name", name).put("port", port).put("targetPort", target).put("protocol", "TCP");
  }
}

package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.ApiLoadBalancer;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.facts.IngressController;
import dev.kubeyard.engine.facts.NodeRoles;
import dev.kubeyard.engine.podsecurity.PodSecurity;
import dev.kubeyard.engine.podsecurity.PodSecurityLevel;
import dev.kubeyard.model.version.KubernetesVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ingress controller addon (ADR 29): Traefik behind the spec's NodePorts, which haproxy on the lb
 * pair forwards 80/443 (and SQL Server's TCP port) to. Both lines run Traefik's CRD provider with its CRDs
 * (applied first, see {@link #CRDS}) and a TLSStore naming the cluster-issued certificate: Traefik 3 with
 * its apiextensions.k8s.io/v1 CRDs on the current line, Traefik 2.11 on 1.14 with v1beta1 CRDs (all 1.14
 * serves) for both groups it watches.
 */
public final class IngressControllerFiles {
  public static final String NAMESPACE = "kubeyard-ingress";
  public static final String DEPLOYMENT = "traefik";
  /** The controller's manifest; its TLSStore needs {@link #CRDS} established first. */
  public static final String CONTROLLER = "ingress-controller.yaml";
  /** Traefik's own CRD definitions of the line's release (resources/templates/addons/traefik-v*-crds.yaml). */
  public static final String CRDS = "ingress-crds.yaml";
  static final String TLS_SECRET = "kubeyard-ingress-tls";
  static final String TLS_FILE = "ingress-tls.yaml";
  /** Seconds Traefik keeps accepting after SIGTERM while its /ping is already gone (kube-proxy forgets it). */
  private static final int ACCEPT_GRACE_SECONDS = 10;
  /** Seconds it then gives requests in flight. */
  private static final int FINISH_GRACE_SECONDS = 10;
  /** The Middleware every HTTPS router goes through: retries while a backend refuses the connection. */
  static final String RETRY_MIDDLEWARE = "retry-refused";
  private static final int RETRY_ATTEMPTS = 6;
  private static final int RETRY_INTERVAL_MS = 500;

  private IngressControllerFiles() {}

  /** Traefik 3 (CRDs, EndpointSlices) on the current line, Traefik 2.11 on 1.14. */
  public static boolean traefik3(KubernetesVersion v) {
    return AddonImages.currentReleases(v);
  }

  /** The controller a line runs and the day Traefik's security support for its minor ended (ADR 29). */
  public record Support(String version, LocalDate securitySupportEnded) {}

  /**
   * Both are past: Traefik's releases page (v3.7.13) ends 3.6's security support on 2026-08-16 and
   * 2.11's on 2026-09-07; 3.7 cannot be built from the proxy yet. The wizard's review says so.
   */
  public static Support support(KubernetesVersion v) {
    String image = AddonImages.defaults(v).traefik();
    String version = image.substring(image.lastIndexOf(':') + 1);
    return new Support(version, traefik3(v) ? LocalDate.of(2026, 8, 16) : LocalDate.of(2026, 9, 7));
  }

  static Map<String, String> manifests(RenderContext ctx) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(CONTROLLER, Templates.render("addons/" + CONTROLLER, scope(ctx)));
    String crds = traefik3(ctx.version()) ? "addons/traefik-v3-crds.yaml" : "addons/traefik-v2-crds.yaml";
    out.put(CRDS, Templates.render(crds, Map.of()));
    return out;
  }

  static Map<String, Object> scope(RenderContext ctx) {
    ClusterFacts facts = ctx.facts();
    KubernetesVersion v = ctx.version();
    IngressController ic = facts.ingressController();
    boolean v3 = traefik3(v);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("namespace", NAMESPACE);
    m.put("podSecurityLabels", PodSecurity.namespaceLabelList(PodSecurityLevel.RESTRICTED, v));
    m.put("name", DEPLOYMENT);
    m.put("image", ctx.images().traefik());
    m.put("v3", v3);
    m.put("ingressClass", v.atLeast(18));
    m.put("ingressClassApi", v.atLeast(19) ? "networking.k8s.io/v1" : "networking.k8s.io/v1beta1");
    m.put("pdb", ic.replicas() >= 2);
    m.put("pdbApi", v.atLeast(21) ? "policy/v1" : "policy/v1beta1");
    m.put("seccomp", v.atLeast(19));
    m.put("replicas", ic.replicas());
    m.put("excludeMasters", ic.excludeMasters());
    m.put("controlPlaneLabel", NodeRoles.controlPlaneLabel(v));
    m.put("workerLabel", NodeRoles.WORKER_LABEL);
    m.put("httpNodePort", ic.httpNodePort());
    m.put("httpsNodePort", ic.httpsNodePort());
    m.put("sqlServer", ic.exposesSqlServer() ? Map.of("port", ic.sqlServerPort(), "nodePort", ic.sqlServerNodePort())
        : null);
    m.put("tlsSecret", TLS_SECRET);
    m.put("args", args(facts, ic));
    m.put("retryMiddleware", RETRY_MIDDLEWARE);
    m.put("retryAttempts", RETRY_ATTEMPTS);
    m.put("retryInterval", RETRY_INTERVAL_MS + "ms");
    // the first wait is the interval, each later one at most twice it
    m.put("retrySpan", String.format(java.util.Locale.ROOT, "%.1f s",
        (RETRY_INTERVAL_MS + 2.0 * RETRY_INTERVAL_MS * (RETRY_ATTEMPTS - 2)) / 1000));
    m.put("terminationGrace", ACCEPT_GRACE_SECONDS + FINISH_GRACE_SECONDS + 10);
    return m;
  }

  /** The static configuration, as flags: no config file to mount on the read-only root. */
  private static List<String> args(ClusterFacts facts, IngressController ic) {
    List<String> a = new ArrayList<>();
    a.add("--global.checkNewVersion=false");
    a.add("--global.sendAnonymousUsage=false");
    a.add("--log.level=INFO");
    a.add("--entryPoints.web.address=:8000/tcp");
    // The redirect names the port clients use: haproxy's 443 on the VIP, or the NodePort without one.
    ApiLoadBalancer lb = facts.loadBalancer();
    a.add("--entryPoints.web.http.redirections.entryPoint.to=:" + (lb != null ? lb.ingressHttpsPort() : ic.httpsNodePort()));
    a.add("--entryPoints.web.http.redirections.entryPoint.scheme=https");
    a.add("--entryPoints.web.http.redirections.entryPoint.permanent=true");
    a.add("--entryPoints.websecure.address=:8443/tcp");
    a.add("--entryPoints.websecure.http.tls=true");
    a.add("--entryPoints.websecure.http.middlewares=" + NAMESPACE + "-" + RETRY_MIDDLEWARE + "@kubernetescrd");
    if (ic.exposesSqlServer()) {
      a.add("--entryPoints.sqlserver.address=:1433/tcp");
    }
    a.add("--entryPoints.traefik.address=:9000/tcp");
    for (String ep : ic.exposesSqlServer() ? List.of("web", "websecure", "sqlserver") : List.of("web", "websecure")) {
      a.add("--entryPoints." + ep + ".transport.lifeCycle.requestAcceptGraceTimeout=" + ACCEPT_GRACE_SECONDS + "s");
      a.add("--entryPoints." + ep + ".transport.lifeCycle.graceTimeOut=" + FINISH_GRACE_SECONDS + "s");
    }
    a.add("--ping=true");
    a.add("--ping.entryPoint=traefik");
    a.add("--providers.kubernetesingress=true");
    a.add("--providers.kubernetesingress.ingressClass=traefik");
    // A host whose pods are all down (or not yet up) answers 503, not 404 as if it did not exist.
    a.add("--providers.kubernetesingress.allowEmptyServices=true");
    // Every Ingress's status names the VIP clients reach. Not publishedService: for a NodePort Service
    // Traefik publishes the nodes' ExternalIPs, which these nodes do not have. No VIP, no status.
    if (lb != null) {
      a.add("--providers.kubernetesingress.ingressEndpoint.ip=" + lb.vip());
    }
    // The TLSStore (the default certificate) and the SQL Server deployer's IngressRouteTCP are CRD objects.
    a.add("--providers.kubernetescrd=true");
    a.add("--providers.kubernetescrd.allowEmptyServices=true");
    return a;
  }

  /**
   * The Secret holding the ingress certificate and key, applied with the addons from the first master
   * (0600 there). Rendered from the PKI by the plan, not by {@link ClusterRenderer}, so golden files
   * never hold a key.
   */
  public static RenderedFile tlsSecret(ClusterFacts facts, String certificatePem, String keyPem) {
    return tlsSecret(facts, certificatePem, keyPem, "PKI name 'ingress', issued by the cluster CA for\n# "
        + String.join(", ", facts.ingressCertificateSans()));
  }

  /**
   * The same Secret for a certificate {@code origin} describes (the administrator's own, say): its chain
   * as given, leaf first, in tls.crt. The file's digest is the apply step's check, so another
   * certificate re-applies the Secret and Traefik serves it.
   */
  public static RenderedFile tlsSecret(ClusterFacts facts, String chainPem, String keyPem, String origin) {
    Base64.Encoder b64 = Base64.getEncoder();
    String yaml = "# Rendered by Kubeyard: the ingress certificate (" + origin + ").\n"
        + "apiVersion: v1\n"
        + "kind: Secret\n"
        + "metadata:\n"
        + "  name: " + TLS_SECRET + "\n"
        + "  namespace: " + NAMESPACE + "\n"
        + "type: kubernetes.io/tls\n"
        + "data:\n"
        + "  tls.crt: " + b64.encodeToString(chainPem.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\n"
        + "  tls.key: " + b64.encodeToString(keyPem.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\n";
    return RenderedFile.secret(facts.firstMaster().name(), HostPaths.ADDONS + "/" + TLS_FILE, yaml);
  }
}

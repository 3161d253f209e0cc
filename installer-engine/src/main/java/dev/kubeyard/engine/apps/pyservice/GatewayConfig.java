package dev.kubeyard.engine.apps.pyservice;

import static dev.kubeyard.engine.apps.pyservice.ManifestYaml.map;

import dev.kubeyard.engine.apps.ingress.TraefikIngress;
import dev.kubeyard.model.spec.AppsSpec;
import dev.kubeyard.model.spec.SqlServerSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gateway's ConfigMap (environment, no secrets) and the ingress controller's TCP route for SQL Server. */
final class GatewayConfig {
  static final String SQLSERVER_ROUTE = "sqlserver-tds";
  private GatewayConfig() {}

  static Map<String, Object> configMap(GatewayValues v) {
    String domain = v.facts().clusterDomain();
    AppsSpec apps = v.apps();
    Map<String, Object> env = map(
        "ENVIRONMENT", "production",
        "LOG_LEVEL", "INFO",
        "SECRETS_DIR", GatewayValues.SECRETS_DIR,
        // Readiness does not require the shared dependencies: their outage would take every replica
        // out of the Service at once, although the other routes still work. /api/status still reports
        // each one, and gateway_dependency_up exports it for alerting.
        "READINESS_REQUIRED", "",
        "INTERNAL_PORT", String.valueOf(GatewayValues.INTERNAL_PORT));
    if (apps.elasticsearch() != null && Boolean.TRUE.equals(apps.elasticsearch().enabled())) {
      env.put("ELASTICSEARCH_URL", "http://elasticsearch." + apps.elasticsearch().namespace() + ".svc." + domain + ":9200");
      env.put("ELASTICSEARCH_INDEX_REPLICAS", "1");
    }
    SqlServerSpec sql = apps.sqlserver();
    if (sql != null && Boolean.TRUE.equals(sql.enabled())) {
      String svc = "." + sql.namespace() + ".svc." + domain;
      env.put("MSSQL_HOST", sql.availabilityGroup() + "-primary" + svc);
      env.put("MSSQL_READ_HOST", sql.availabilityGroup() + "-secondary" + svc);
      env.put("MSSQL_DATABASE", "gateway");
      env.put("MSSQL_USER", "gateway");
    }
    if (apps.gitlab() != null && Boolean.TRUE.equals(apps.gitlab().enabled())) {
      env.put("GITLAB_URL", "https://" + apps.gitlab().host());
    }
    return map("apiVersion", "v1", "kind", "ConfigMap",
        "metadata", v.metadata(GatewayValues.NAME, v.namespace()), "data", env);
  }

  /**
   * SQL Server speaks TDS, not HTTP, and before TDS 8 its TLS sits inside the PRELOGIN exchange, so
   * there is no SNI to route by: one backend per TCP port. Traefik's IngressRouteTCP sends everything
   * on its sqlserver entrypoint (HostSNI(`*`)) to the availability group's primary. It lives in the
   * Service's namespace, so the controller needs no allowCrossNamespace.
   */
  static Optional<Map<String, Object>> sqlServerTcpRoute(GatewayValues v) {
    SqlServerSpec sql = v.apps().sqlserver();
    if (sql == null || !Boolean.TRUE.equals(sql.enabled()) || sql.exposeTcpPort() == null) {
      return Optional.empty();
    }
    return Optional.of(map("apiVersion", TraefikIngress.crdApiVersion(v.version()), "kind", "IngressRouteTCP",
        "metadata", map("name", SQLSERVER_ROUTE, "namespace", sql.namespace(),
            "labels", map("app.kubernetes.io/part-of", "kubeyard", "app.kubernetes.io/managed-by", "kubeyard")),
        "spec", map(
            "entryPoints", List.of(TraefikIngress.SQLSERVER_ENTRYPOINT),
            "routes", List.of(map("match", "HostSNI(`*`)",
                "services", List.of(map("name", sql.availabilityGroup() + "-primary", "port", 1433)))))));
  }
}

package dev.kubeyard.engine.facts;

import dev.kubeyard.model.spec.AppsSpec;

/**
 * Where the apps Kubeyard manages run, as their NetworkPolicies name them (ADR 39); a namespace is null
 * when its app is off.
 *
 * @param elasticsearch apps.elasticsearch.namespace when Elasticsearch is enabled
 * @param elasticsearchIngress whether Elasticsearch's HTTP API is published through the ingress controller
 * @param gateway apps.pythonService.namespace when the platform gateway is enabled
 * @param sqlServer apps.sqlserver.namespace when SQL Server is enabled
 * @param sqlServerExposed whether the ingress controller forwards SQL Server's TCP port (exposeTcpPort)
 * @param gitlabHost apps.gitlab.host when GitLab is enabled: the gateway reaches it by that name
 */
public record AppNamespaces(String elasticsearch, boolean elasticsearchIngress, String gateway, String sqlServer,
    boolean sqlServerExposed, String gitlabHost) {

  static AppNamespaces of(AppsSpec apps) {
    if (apps == null) {
      return new AppNamespaces(null, false, null, null, false, null);
    }
    var es = apps.elasticsearch();
    boolean esOn = es != null && Boolean.TRUE.equals(es.enabled());
    var py = apps.pythonService();
    var sql = apps.sqlserver();
    boolean sqlOn = sql != null && !Boolean.FALSE.equals(sql.enabled());
    var gitlab = apps.gitlab();
    return new AppNamespaces(esOn ? es.namespace() : null, esOn && es.ingressHost() != null,
        py != null && Boolean.TRUE.equals(py.enabled()) ? py.namespace() : null, sqlOn ? sql.namespace() : null,
        sqlOn && sql.exposeTcpPort() != null,
        gitlab != null && Boolean.TRUE.equals(gitlab.enabled()) ? gitlab.host() : null);
  }
}

package dev.kubeyard.model.validate;

import dev.kubeyard.model.spec.AppsSpec;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.Defaults;
import dev.kubeyard.model.spec.ElasticsearchSpec;
import dev.kubeyard.model.spec.GitlabSpec;
import dev.kubeyard.model.spec.PythonServiceSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The application sections (SQL Server's in {@link SqlServerRules}): counts that make each one highly available, and the hosts the ingress
 * controller routes by: each a DNS name (RFC 1123), none shared, since one 80/443 pair serves them all
 * and the Host header (SNI on 443) is the only thing that tells them apart.
 */
final class AppRules implements Rule {

  @Override
  public void check(ClusterSpec s, Problems out) {
    AppsSpec a = s.apps();
    if (a == null) {
      return;
    }
    ElasticsearchSpec es = a.elasticsearch();
    if (es != null) {
      if (es.masters() == null || es.masters() < 1 || es.masters() % 2 == 0) {
        out.add("apps.elasticsearch.masters", es.masters(), "apps.esMasters");
      }
      if (!es.version().matches("(6\\.8|7\\.\\d+|8\\.\\d+)\\.\\d+")) {
        out.add("apps.elasticsearch.version", es.version(), "apps.esVersion", Defaults.ELASTICSEARCH_VERSION);
      }
      if (es.data() == null || es.data() < 1) {
        out.add("apps.elasticsearch.data", es.data(), "apps.esData");
      }
      if (es.ingressHost() != null && !Names.dnsName(es.ingressHost())) {
        out.add("apps.elasticsearch.ingressHost", es.ingressHost(), "apps.esIngressHost");
      }
      checkNamespace("apps.elasticsearch.namespace", es.namespace(), out);
    }
    GitlabSpec gl = a.gitlab();
    if (gl != null) {
      if (gl.webserviceReplicas() == null || gl.webserviceReplicas() < 2) {
        out.add("apps.gitlab.webserviceReplicas", gl.webserviceReplicas(), "apps.gitlabReplicas");
      }
      if (!Names.dnsName(gl.host())) {
        out.add("apps.gitlab.host", gl.host(), "apps.gitlabHost");
      }
      checkNamespace("apps.gitlab.namespace", gl.namespace(), out);
      GitlabPostgresRules.check(gl.postgres(), out);
      checkGitlabRedis(gl, out);
    }
    PythonServiceSpec py = a.pythonService();
    if (py != null) {
      if (!Names.inRange(py.replicas(), 2, 100)) {
        out.add("apps.pythonService.replicas", py.replicas(), "apps.pythonReplicas");
      }
      if (!Names.dnsName(py.host())) {
        out.add("apps.pythonService.host", py.host(), "apps.pythonHost");
      }
      checkNamespace("apps.pythonService.namespace", py.namespace(), out);
    }
    checkHostsDistinct(a, out);
  }

  /**
   * A master and two replicas at least: the master's min-replicas-to-write 1 then still finds a replica
   * while one is away; an odd number of Sentinels, 3 or more, so a majority can elect (ADR 43).
   */
  private static void checkGitlabRedis(GitlabSpec gl, Problems out) {
    if (gl.redis() == null) {
      return;
    }
    if (!Names.inRange(gl.redis().replicas(), 3, 9)) {
      out.add("apps.gitlab.redis.replicas", gl.redis().replicas(), "apps.gitlabRedisReplicas");
    }
    Integer sentinels = gl.redis().sentinels();
    if (!Names.inRange(sentinels, 3, 9) || sentinels % 2 == 0) {
      out.add("apps.gitlab.redis.sentinels", sentinels, "apps.gitlabRedisSentinels");
    }
  }

  /** Two apps on one host: the controller would send both hosts' requests to one of them. */
  private static void checkHostsDistinct(AppsSpec a, Problems out) {
    Map<String, String> pathByHost = new HashMap<>();
    BiConsumer<String, String> claim = (path, host) -> {
      if (host == null || !Names.dnsName(host)) {
        return;
      }
      String first = pathByHost.putIfAbsent(host, path);
      if (first != null) {
        out.add(path, host, "apps.hostTaken", first);
      }
    };
    if (a.pythonService() != null && !Boolean.FALSE.equals(a.pythonService().enabled())) {
      claim.accept("apps.pythonService.host", a.pythonService().host());
    }
    if (a.elasticsearch() != null && !Boolean.FALSE.equals(a.elasticsearch().enabled())) {
      claim.accept("apps.elasticsearch.ingressHost", a.elasticsearch().ingressHost());
    }
    if (a.gitlab() != null && !Boolean.FALSE.equals(a.gitlab().enabled())) {
      claim.accept("apps.gitlab.host", a.gitlab().host());
    }
  }

  static void checkNamespace(String path, String ns, Problems out) {
    if (!Names.dnsLabel(ns)) {
      out.add(path, ns, "apps.namespace");
    }
  }
}

package dev.kubeyard.engine.facts;

import dev.kubeyard.model.spec.AppsSpec;
import dev.kubeyard.model.spec.Defaults;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.spec.SqlServerSpec;
import java.util.List;
import java.util.Objects;

/**
 * What the ingress controller addon needs from the spec (ADR 29): its NodePorts (the spec's, or the
 * defaults without a load balancer section), where its pods may run, how many, and the SQL Server TCP
 * entrypoint when apps.sqlserver asks to be exposed.
 *
 * @param nodes the Linux workers it runs on: the dedicated ones, or every Linux worker when all are masters too
 * @param excludeMasters whether the pods keep off the control-plane nodes (false only when there is no other node)
 * @param sqlServerPort apps.sqlserver.exposeTcpPort when SQL Server is enabled with it, else null
 */
public record IngressController(int httpNodePort, int httpsNodePort, int sqlServerNodePort, List<String> nodes,
    boolean excludeMasters, Integer sqlServerPort) {

  static IngressController of(ApiLoadBalancer lb, List<HostSpec> hosts, AppsSpec apps) {
    List<HostSpec> workers = hosts.stream().filter(h -> !h.isWindows() && h.has(Role.NODE)).toList();
    List<HostSpec> dedicated = workers.stream().filter(h -> !h.has(Role.MASTER)).toList();
    boolean exclude = !dedicated.isEmpty();
    List<String> nodes = (exclude ? dedicated : workers).stream().map(HostSpec::name).toList();
    SqlServerSpec sql = apps == null ? null : apps.sqlserver();
    Integer sqlPort = sql != null && !Boolean.FALSE.equals(sql.enabled()) ? sql.exposeTcpPort() : null;
    if (lb == null) {
      return new IngressController(Defaults.INGRESS_HTTP_NODE_PORT, Defaults.INGRESS_HTTPS_NODE_PORT,
          Defaults.INGRESS_SQLSERVER_NODE_PORT, nodes, exclude, sqlPort);
    }
    return new IngressController(lb.ingressHttpNodePort(), lb.ingressHttpsNodePort(), lb.ingressSqlServerNodePort(),
        nodes, exclude, sqlPort);
  }

  /**
   * Two replicas when two nodes can hold them apart, else one: a second replica on the same node
   * protects against a crashed pod but not a lost node, and the PDB would then block draining it.
   */
  public int replicas() {
    return nodes.size() >= 2 ? 2 : 1;
  }

  public boolean exposesSqlServer() {
    return sqlServerPort != null;
  }

  /** The sorted, distinct host names the enabled apps are served under; empty when none has one. */
  static List<String> hosts(List<PlatformApp> apps) {
    return apps.stream().map(PlatformApp::ingressHost).filter(Objects::nonNull).distinct().sorted().toList();
  }
}

package dev.kubeyard.engine.render;

import dev.kubeyard.engine.facts.ApiLoadBalancer;
import dev.kubeyard.engine.facts.IngressController;
import dev.kubeyard.engine.pki.PkiNames;
import dev.kubeyard.model.net.ComponentPorts;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * haproxy (8443 to every master's 6443, 80/443 and SQL Server's port passed through to the ingress NodePorts) and keepalived
 * (unicast VRRP, the VIP released when haproxy stops answering and kept where it went: no failback, see ADR 17).
 */
final class LoadBalancerFiles implements HostRenderer {
  static final String CHECK_SCRIPT = "/etc/keepalived/check-haproxy.sh";

  @Override
  public List<RenderedFile> render(RenderContext ctx, HostSpec host) {
    if (!host.has(Role.LB)) {
      return List.of();
    }
    ApiLoadBalancer lb = ctx.facts().loadBalancer();
    List<HostSpec> lbs = ctx.facts().withRole(Role.LB);
    int index = lbs.indexOf(host);
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("apiserverPort", lb.apiserverPort());
    scope.put("masters", backends(ctx.facts().withRole(Role.MASTER), ComponentPorts.APISERVER));
    scope.put("httpPort", lb.ingressHttpPort());
    scope.put("httpsPort", lb.ingressHttpsPort());
    List<HostSpec> workers = ctx.facts().withRole(Role.NODE).stream().filter(h -> !h.isWindows()).toList();
    scope.put("ingressHttp", backends(workers, lb.ingressHttpNodePort()));
    scope.put("ingressHttps", backends(workers, lb.ingressHttpsNodePort()));
    IngressController ingress = ctx.facts().ingressController();
    scope.put("sqlServer", !ingress.exposesSqlServer() ? null : Map.of("listenPort", ingress.sqlServerPort(),
        "backends", backends(workers, ingress.sqlServerNodePort())));
    scope.put("caFile", HostPaths.ssl("ca"));
    scope.put("healthCheckCert", HostPaths.ssl(PkiNames.LB_HEALTHCHECK_CLIENT));
    scope.put("readinessPath", ctx.facts().apiserverReadinessPath());
    scope.put("routerId", "lb-" + host.name());
    scope.put("priority", ApiLoadBalancer.keepalivedPriority(index));
    scope.put("interface", lb.interfaceName());
    scope.put("virtualRouterId", lb.virtualRouterId());
    scope.put("advertInterval", lb.advertInterval());
    scope.put("self", host.address());
    scope.put("peers", lbs.stream().filter(h -> h != host).map(HostSpec::address).toList());
    scope.put("vip", lb.vip());
    scope.put("checkScript", CHECK_SCRIPT);
    return List.of(
        RenderedFile.rootOnly(host.name(), "/etc/haproxy/haproxy.cfg", Templates.render("lb/haproxy.cfg", scope)),
        RenderedFile.rootOnly(host.name(), "/etc/keepalived/keepalived.conf", Templates.render("lb/keepalived.conf", scope)),
        new RenderedFile(host.name(), CHECK_SCRIPT, Templates.render("lb/check-haproxy.sh", scope), 0700, false),
        RenderedFile.rootOnly(host.name(), HostPaths.unit("haproxy"), haproxyUnit()),
        RenderedFile.rootOnly(host.name(), HostPaths.unit("keepalived"), keepalivedUnit()));
  }

  /** Both run from the bundle with the libraries they were built against (HostPaths.LIB), not the host's packages. */
  private static String haproxyUnit() {
    String haproxy = HostPaths.BIN + "/haproxy";
    return new SystemdUnit("haproxy in front of the kube-apiservers (Kubeyard)")
        .unit("After", "network-online.target")
        .unit("Wants", "network-online.target")
        .exec(haproxy, List.of("-Ws", "-f /etc/haproxy/haproxy.cfg", "-p /run/haproxy.pid"))
        .service("Environment", "LD_LIBRARY_PATH=" + HostPaths.LIB)
        .service("ExecStartPre", haproxy + " -c -q -f /etc/haproxy/haproxy.cfg")
        .service("ExecReload", haproxy + " -c -q -f /etc/haproxy/haproxy.cfg")
        .service("ExecReload", "/bin/kill -USR2 $MAINPID")
        .service("Type", "notify")
        .service("KillMode", "mixed")
        .service("Restart", "always")
        .service("RestartSec", "2")
        .text();
  }

  private static String keepalivedUnit() {
    return new SystemdUnit("keepalived holding the API VIP (Kubeyard)")
        .unit("After", "network-online.target haproxy.service")
        .unit("Wants", "network-online.target")
        .exec(HostPaths.BIN + "/keepalived", List.of("--dont-fork", "--use-file=/etc/keepalived/keepalived.conf",
            "--log-console", "--log-detail"))
        .service("Environment", "LD_LIBRARY_PATH=" + HostPaths.LIB)
        .service("ExecReload", "/bin/kill -HUP $MAINPID") // re-reads its configuration, keeping the VIP where it is
        .service("Type", "simple")
        .service("KillMode", "process")
        .service("Restart", "always")
        .service("RestartSec", "2")
        .text();
  }

  private static List<Map<String, Object>> backends(List<HostSpec> hosts, int port) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (HostSpec h : hosts) {
      list.add(Map.of("name", h.name(), "address", h.address(), "port", port));
    }
    return list;
  }
}

package dev.kubeyard.engine.apps.pyservice;

import dev.kubeyard.engine.facts.ApiLoadBalancer;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.KeyFiles;
import dev.kubeyard.engine.pki.PkiNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where clients reach the gateway: {@code https://<host>/} with the host resolving to the VIP, whose
 * haproxy forwards the HTTPS port to the controller. {@code vip} is null for a spec without a load
 * balancer: no end-to-end check is possible then.
 */
public record GatewayEndpoint(String host, String vip, int httpsPort) {
  /** The gateway's readiness path, unauthenticated: 200 or 503 and nothing more (ADR 34). */
  public static final String READINESS_PATH = "/readyz";
  /** Every dependency's state, 503 when a required one is down; needs a read-scoped token. */
  public static final String STATUS_PATH = "/api/status";

  public static GatewayEndpoint of(ClusterFacts facts) {
    GatewayValues v = GatewayValues.of(facts);
    ApiLoadBalancer lb = facts.loadBalancer();
    return new GatewayEndpoint(v.spec().host(), lb == null ? null : lb.vip(), lb == null ? 443 : lb.ingressHttpsPort());
  }

  public String url() {
    return "https://" + host + (httpsPort == 443 ? "" : ":" + httpsPort) + "/";
  }

  /** What a reader must know to open {@link #url()}. */
  public String note() {
    return vip == null ? "the spec has no loadBalancer: no VIP serves " + host
        : host + " must resolve to the VIP " + vip + " (loadBalancer.vip), e.g. in DNS or /etc/hosts";
  }

  /** The cluster CA the controller's certificate chains to, in a plan folder. */
  public static Path clusterCa(Path planDir) {
    return KeyFiles.at(planDir.resolve("pki")).certificate(PkiNames.CA);
  }

  /**
   * What the ingress's certificate is verified against: the administrator's own certificate file when
   * pki.ingressCertificate names one (its certificates are the anchors, so the check proves the route
   * serves the certificate the spec names, whichever CA signed it), else the plan folder's cluster CA.
   */
  public static Path trustFor(ClusterFacts facts, Path planDir) {
    return facts.ownIngressCertificate().map(own -> own.certificate()).orElseGet(() -> clusterCa(planDir));
  }

  /** {@link #check(Path, Duration, Optional)} without a token: /readyz. */
  public GatewayProbe.Result check(Path caPem, Duration timeout) {
    return check(caPem, timeout, Optional.empty());
  }

  /**
   * GET through the VIP with the host as SNI and Host, verified against {@code caPem}: /api/status with
   * the read token when there is one (so the check proves the token works and reports each dependency),
   * else /readyz. An unusable CA file or a missing VIP is reported as a result that did not reach the gateway.
   */
  public GatewayProbe.Result check(Path caPem, Duration timeout, Optional<String> readToken) {
    String path = readToken.isPresent() ? STATUS_PATH : READINESS_PATH;
    String url = "https://" + host + (httpsPort == 443 ? "" : ":" + httpsPort) + path;
    if (vip == null) {
      return new GatewayProbe.Result(url, 0, "", note());
    }
    if (!Files.isRegularFile(caPem)) {
      return new GatewayProbe.Result(url, 0, "", "no certificate to verify against at " + caPem
          + " (run `kubeyard plan` or pass --plan-dir)");
    }
    try {
      return GatewayProbe.trusting(caPem, timeout).get(vip, httpsPort, host, path, readToken.orElse(""));
    } catch (IOException e) {
      return new GatewayProbe.Result(url, 0, "", e.getMessage());
    }
  }
}

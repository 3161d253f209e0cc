package dev.kubeyard.engine.pki;

import static dev.kubeyard.engine.pki.CertificateAuthority.CLUSTER;
import static dev.kubeyard.engine.pki.CertificateAuthority.ETCD;
import static dev.kubeyard.engine.pki.CertificateAuthority.FRONT_PROXY;
import static dev.kubeyard.engine.pki.ExtendedUsage.CLIENT_AUTH;
import static dev.kubeyard.engine.pki.ExtendedUsage.SERVER_AUTH;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.facts.EtcdMember;
import dev.kubeyard.engine.facts.GitlabPostgres;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inventory: every leaf certificate a cluster needs, derived from its facts. This is the one
 * place to read what exists, who signs it and what it may do; issuing lives elsewhere.
 */
public final class CertificateCatalogue {
  private static final Set<ExtendedUsage> SERVER_AND_CLIENT = EnumSet.of(SERVER_AUTH, CLIENT_AUTH);
  private static final String MASTERS = "system:masters";
  /** The user the apiserver presents to kubelets (logs, exec, port-forward); RBAC binds it by this name. */
  public static final String APISERVER_KUBELET_CLIENT_USER = "kube-apiserver-kubelet-client";
  /**
   * The administrators' group: bound to cluster-admin by a ClusterRoleBinding the install applies, so
   * the admin credential can be revoked by deleting that binding (system:masters cannot be, ADR 38).
   */
  public static final String CLUSTER_ADMINS_GROUP = "kubeyard:cluster-admins";

  private CertificateCatalogue() {}

  /** Every leaf certificate request, in a stable order; the CAs and the sa key pair come on top. */
  public static List<CertificateRequest> of(ClusterFacts facts) {
    List<CertificateRequest> all = new ArrayList<>();

    // etcd, on its own CA: each member's cert serves clients and peers alike.
    for (EtcdMember m : facts.etcdMembers()) {
      all.add(new CertificateRequest(PkiNames.etcdMember(m.hostName()), ETCD, m.hostName(), List.of(),
          List.of(m.address(), m.hostName(), "127.0.0.1", "localhost"), SERVER_AND_CLIENT));
    }
    all.add(CertificateRequest.client(PkiNames.ETCD_HEALTHCHECK_CLIENT, ETCD, "kube-etcd-healthcheck-client"));
    all.add(CertificateRequest.client(PkiNames.APISERVER_ETCD_CLIENT, ETCD, "kube-apiserver-etcd-client"));

    // kube-apiserver: serving cert (SANs from the facts) and its client cert towards kubelets.
    all.add(new CertificateRequest(PkiNames.APISERVER, CLUSTER, "kube-apiserver", List.of(),
        List.copyOf(facts.apiserverSans()), EnumSet.of(SERVER_AUTH)));
    // No group: its own ClusterRoleBinding (addons/apiserver-to-kubelet-rbac.yaml) grants what it needs.
    all.add(CertificateRequest.client(PkiNames.APISERVER_KUBELET_CLIENT, CLUSTER, APISERVER_KUBELET_CLIENT_USER));

    // Control-plane clients: CN is the user RBAC's default bindings know, O the group.
    all.add(CertificateRequest.client(PkiNames.ADMIN, CLUSTER, "admin", CLUSTER_ADMINS_GROUP));
    // The one system:masters credential, for when RBAC itself is broken and to create the binding above:
    // it stays in the plan folder of the work machine and is never placed on a host (ADR 38).
    all.add(CertificateRequest.client(PkiNames.BREAK_GLASS, CLUSTER, "kubeyard:break-glass", MASTERS));
    all.add(CertificateRequest.client(PkiNames.CONTROLLER_MANAGER, CLUSTER, "system:kube-controller-manager"));
    all.add(CertificateRequest.client(PkiNames.SCHEDULER, CLUSTER, "system:kube-scheduler"));
    all.add(CertificateRequest.client(PkiNames.KUBE_PROXY, CLUSTER, "system:kube-proxy"));

    // The lb hosts' haproxy asks each apiserver's readiness endpoint with this one; no group: the
    // default system:public-info-viewer role lets any authenticated user read /readyz and /healthz.
    if (!facts.withRole(Role.LB).isEmpty()) {
      all.add(CertificateRequest.client(PkiNames.LB_HEALTHCHECK_CLIENT, CLUSTER, "kubeyard:lb-healthcheck"));
    }

    // The ingress controller serves every app host on 443 with this one; it never leaves the cluster's
    // Secret (rendered for the first master only, see render/IngressTls). Re-issued when the hosts change.
    all.add(new CertificateRequest(PkiNames.INGRESS, CLUSTER, "kubeyard-ingress", List.of(),
        facts.ingressCertificateSans(), EnumSet.of(SERVER_AUTH)));

    // metrics-server serves the aggregated metrics API with this one; the APIService's caBundle is the
    // cluster CA, so the apiserver verifies it (rendered into a Secret, see render/MetricsServerTls).
    all.add(new CertificateRequest(PkiNames.METRICS_SERVER, CLUSTER, "metrics-server", List.of(),
        facts.serviceNames("metrics-server", "kube-system"), EnumSet.of(SERVER_AUTH)));

    // Aggregation layer: the apiserver proves itself to extension apiservers with this one.
    all.add(CertificateRequest.client(PkiNames.FRONT_PROXY_CLIENT, FRONT_PROXY, "front-proxy-client"));

    // Every kubelet, Linux or Windows (masters too, tainted): the Node authorizer needs
    // system:node:<name> in system:nodes.
    for (HostSpec node : facts.kubeletHosts()) {
      all.add(new CertificateRequest(PkiNames.kubelet(node.name()), CLUSTER, "system:node:" + node.name(),
          List.of("system:nodes"), List.of(node.name(), node.address()), SERVER_AND_CLIENT));
    }
    // SQL Server (ADR 41): each replica's mirroring endpoint certificate, which the other replicas map to a
    // login (SQL Server checks the key, not the chain), and one TLS server certificate for every name a
    // client may use, since the primary moves. serverAuth only: none of them can log in to the apiserver.
    facts.sqlServerGroup().ifPresent(group -> {
      for (String pod : group.pods()) {
        all.add(new CertificateRequest(PkiNames.sqlServerEndpoint(pod), CLUSTER, pod, List.of(), List.of(),
            EnumSet.of(SERVER_AUTH)));
      }
      List<String> names = group.clientServices().stream()
          .flatMap(svc -> facts.serviceNames(svc, group.namespace()).stream()).toList();
      all.add(new CertificateRequest(PkiNames.sqlServerTls(group.name()), CLUSTER, group.primaryService(), List.of(),
          names, EnumSet.of(SERVER_AUTH)));
    });
    // GitLab's PostgreSQL (ADR 42): one server certificate for every name a client or a member may use,
    // since the leader moves: the Services (PgBouncer's too) and each member's own DNS name.
    facts.gitlabPostgres().ifPresent(pg -> {
      List<String> names = new ArrayList<>();
      pg.clientServices().forEach(svc -> names.addAll(facts.serviceNames(svc, pg.namespace())));
      pg.pods().forEach(pod -> names.addAll(facts.serviceNames(pod + "." + GitlabPostgres.MEMBERS, pg.namespace())));
      all.add(new CertificateRequest(PkiNames.GITLAB_POSTGRES_TLS, CLUSTER, GitlabPostgres.PRIMARY, List.of(), names,
          EnumSet.of(SERVER_AUTH)));
    });
    refuseClashes(all);
    return List.copyOf(all);
  }

  /**
   * The key a leaf gets: pki.keyAlgorithm's, except SQL Server's, which are RSA 2048 whatever the cluster
   * uses (SQL Server imports RSA keys only, 384 to 4096 bits in steps of 64, and its PVK files hold RSA).
   */
  static KeyAlgorithm keyAlgorithm(CertificateRequest request, KeyAlgorithm clusterWide) {
    return request.name().startsWith("mssql-") ? KeyAlgorithm.RSA_2048 : clusterWide;
  }

  /** Every name of material the cluster keeps: CAs, the sa key pair and all leaves. */
  public static List<String> names(ClusterFacts facts) {
    List<String> names = new ArrayList<>();
    for (CertificateAuthority ca : CertificateAuthority.values()) {
      names.add(ca.fileName());
    }
    names.add(PkiNames.SERVICE_ACCOUNT);
    of(facts).forEach(r -> names.add(r.name()));
    return names;
  }

  /** A host called "ca" would make etcd-ca.pem both the etcd CA and its member cert: refuse that. */
  private static void refuseClashes(List<CertificateRequest> all) {
    Map<String, String> taken = new LinkedHashMap<>();
    for (CertificateAuthority ca : CertificateAuthority.values()) {
      taken.put(ca.fileName(), "the " + ca.commonName() + " CA");
    }
    taken.put(PkiNames.SERVICE_ACCOUNT, "the service-account key pair");
    List<String> clashes = new ArrayList<>();
    for (CertificateRequest r : all) {
      String previous = taken.putIfAbsent(r.name(), "the certificate for " + r.commonName());
      if (previous != null) {
        clashes.add(r.name() + ".pem for " + r.commonName() + " would overwrite " + previous);
      }
    }
    if (!clashes.isEmpty()) {
      throw new PkiException("certificate file names clash: " + String.join("; ", clashes),
          "rename the host in the spec so its etcd-<host> / kubelet-<host> name is free");
    }
  }
}

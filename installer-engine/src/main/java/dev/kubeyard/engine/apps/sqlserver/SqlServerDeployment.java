package dev.kubeyard.engine.apps.sqlserver;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.facts.SqlServerGroup;
import dev.kubeyard.engine.netpol.PlatformFlows;
import dev.kubeyard.model.spec.SqlServerSpec;
import dev.kubeyard.model.version.KubernetesVersion;
import java.util.List;

/**
 * What the availability group's manifests and bootstrap are rendered from, derived once from the cluster
 * facts (ADR 41). The StatefulSet, its headless Service and its pods are named after the group
 * ({@code ag1}, {@code ag1-0}); SQL Server takes the pod's name as its server name, which is the replica's
 * name in the group.
 *
 * @param sqlVersion "2019" or "2022": the bootstrap's dialect
 * @param gatewayNamespace the platform gateway's namespace, null without the gateway (its 1433 flow)
 * @param exposed whether the ingress controller forwards apps.sqlserver.exposeTcpPort to the primary
 * @param apiservers the masters' addresses: the controller watches its Lease and labels pods there
 */
public record SqlServerDeployment(
    String group,
    String namespace,
    KubernetesVersion kubernetes,
    String clusterDomain,
    String sqlVersion,
    String edition,
    String image,
    int replicas,
    List<String> databases,
    String storageSize,
    String storageClass,
    int writeLeaseValiditySeconds,
    int requiredSynchronizedSecondaries,
    String saPasswordSecret,
    String masterKeyPasswordSecret,
    String gatewayNamespace,
    boolean exposed,
    List<String> apiservers) {

  /** SQL Server's client (TDS) port and its database mirroring endpoint's port. */
  public static final int TDS_PORT = 1433;
  public static final int MIRRORING_PORT = 5022;
  /** The key of the password in each password Secret. */
  public static final String PASSWORD_KEY = "password";

  public SqlServerDeployment {
    databases = List.copyOf(databases);
    apiservers = List.copyOf(apiservers);
  }

  public static SqlServerDeployment of(ClusterFacts facts) {
    SqlServerSpec s = facts.sqlServer()
        .orElseThrow(() -> new IllegalArgumentException("the spec has no enabled apps.sqlserver section"));
    return new SqlServerDeployment(s.availabilityGroup(), s.namespace(), facts.version(), facts.clusterDomain(),
        s.version(), s.edition(), s.image(), s.replicas(), s.databases(), s.storageSize(), s.storageClass(),
        s.writeLeaseValiditySeconds(), s.requiredSynchronizedSecondariesToCommit(),
        SqlServerSpec.secretName(s.saPasswordFrom()), SqlServerSpec.secretName(s.masterKeyPasswordFrom()),
        facts.appNamespaces().gateway(), s.exposeTcpPort() != null, PlatformFlows.apiservers(facts));
  }

  /** The same group on another SQL Server version (the bootstrap goldens render both). */
  public SqlServerDeployment withSqlVersion(String v) {
    return new SqlServerDeployment(group, namespace, kubernetes, clusterDomain, v, edition, image, replicas, databases,
        storageSize, storageClass, writeLeaseValiditySeconds, requiredSynchronizedSecondaries, saPasswordSecret,
        masterKeyPasswordSecret, gatewayNamespace, exposed, apiservers);
  }

  /** The names of the group's pods and Services. */
  public SqlServerGroup names() {
    return new SqlServerGroup(group, namespace, replicas);
  }

  /** The replica's ENDPOINT_URL in the group: its own Service on the mirroring port. */
  public String endpointUrl(int ordinal) {
    return "TCP://" + names().pod(ordinal) + "." + namespace + ".svc." + clusterDomain + ":" + MIRRORING_PORT;
  }

  /** SQL Server 2022 puts logins and jobs the group needs into its own master and msdb (a contained group). */
  public boolean contained() {
    return "2022".equals(sqlVersion);
  }

  /** Secret names: the TLS server certificate, and every replica's mirroring endpoint certificate. */
  public String tlsSecret() {
    return group + "-tls";
  }

  public String endpointSecret() {
    return group + "-endpoint-certificates";
  }
}

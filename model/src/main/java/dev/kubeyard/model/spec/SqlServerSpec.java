package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A SQL Server Always On availability group with {@code CLUSTER_TYPE = EXTERNAL} (ADR 41).
 * {@code image}: the site's mssql/server image as its OCI archive names it; SQL Server cannot be built
 * from this machine's sources, so the bundle holds it only once imported. {@code acceptEula}: Microsoft's
 * licence terms, accepted explicitly (the image refuses to start without ACCEPT_EULA=Y).
 * {@code saPasswordFrom} and {@code masterKeyPasswordFrom} name Secrets ({@code secret:<namespace>/<name>},
 * key {@code password}) that Kubeyard generates; a password is never written in the spec.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"enabled", "version", "edition", "image", "acceptEula", "namespace", "replicas",
    "availabilityGroup", "databases", "storageSize", "storageClass", "writeLeaseValiditySeconds",
    "requiredSynchronizedSecondariesToCommit", "saPasswordFrom", "masterKeyPasswordFrom", "exposeTcpPort"})
public record SqlServerSpec(
    Boolean enabled,
    String version,
    String edition,
    String image,
    Boolean acceptEula,
    String namespace,
    Integer replicas,
    String availabilityGroup,
    List<String> databases,
    String storageSize,
    String storageClass,
    Integer writeLeaseValiditySeconds,
    Integer requiredSynchronizedSecondariesToCommit,
    String saPasswordFrom,
    String masterKeyPasswordFrom,
    Integer exposeTcpPort) {

  /** The prefix of a password reference: {@code secret:<namespace>/<name>}. */
  public static final String SECRET_REFERENCE = "secret:";

  public SqlServerSpec {
    databases = databases == null ? null : List.copyOf(databases);
  }

  /** RSSTC when absent: a majority of the secondaries, as Microsoft's Pacemaker agent sets it (3 replicas: 1). */
  public static int defaultRequiredSynchronizedSecondaries(int replicas) {
    return Math.max(1, replicas / 2);
  }

  /** The Secret's name in a {@code secret:<namespace>/<name>} reference (the part after the slash). */
  public static String secretName(String reference) {
    return reference.substring(reference.indexOf('/') + 1);
  }
}

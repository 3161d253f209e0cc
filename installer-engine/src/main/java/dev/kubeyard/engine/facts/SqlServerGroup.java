package dev.kubeyard.engine.facts;

import dev.kubeyard.model.spec.SqlServerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The names of a SQL Server availability group's Kubernetes objects (ADR 41), shared by its manifests and
 * the certificates issued for it. The StatefulSet and its headless Service are named after the group,
 * its pods {@code <group>-<n>}; SQL Server takes the pod's name as its server name, which is the
 * replica's name in the group; each pod also has a Service of that name.
 */
public record SqlServerGroup(String name, String namespace, int replicas) {

  static SqlServerGroup of(SqlServerSpec s) {
    return new SqlServerGroup(s.availabilityGroup(), s.namespace(), s.replicas());
  }

  public String pod(int ordinal) {
    return name + "-" + ordinal;
  }

  public List<String> pods() {
    return IntStream.range(0, replicas).mapToObj(this::pod).toList();
  }

  /** The Service writes go to: the pod the controller labelled primary. */
  public String primaryService() {
    return name + "-primary";
  }

  /** The Service read-only connections go to (ApplicationIntent=ReadOnly): the pods labelled secondary. */
  public String secondaryService() {
    return name + "-secondary";
  }

  /** Every Service a client may name: primary, secondary and each replica's own. */
  public List<String> clientServices() {
    List<String> out = new ArrayList<>(List.of(primaryService(), secondaryService()));
    out.addAll(pods());
    return out;
  }
}

package dev.kubeyard.engine.k8s.sqlserver;

import dev.kubeyard.engine.apps.sqlserver.AgLabels;
import java.util.ArrayList;
import java.util.List;

/**
 * What the cluster runs of a SQL Server availability group (ADR 41): the StatefulSet's pods with the role
 * label the failover controller sets ({@code kubeyard.dev/ag-role}) and their readiness, and which pods the
 * {@code <group>-primary} and {@code <group>-secondary} Services select. It reads Kubernetes only: the
 * replicas' own view (synchronization state, LSNs) needs SQL Server's DMVs, which this does not query.
 *
 * @param wanted the StatefulSet's replicas, 0 when it does not exist
 * @param primarySelects the pods whose labels match the primary Service's selector (empty when it is absent)
 */
public record GroupStatus(String namespace, String group, int wanted, List<Replica> replicas,
    List<String> primarySelects, List<String> secondarySelects) {

  /** One replica's pod: its role label ("" when the controller has not labelled it) and the Ready condition. */
  public record Replica(String pod, String role, boolean ready) {}

  public GroupStatus {
    replicas = List.copyOf(replicas);
    primarySelects = List.copyOf(primarySelects);
    secondarySelects = List.copyOf(secondarySelects);
  }

  public long ready() {
    return replicas.stream().filter(Replica::ready).count();
  }

  /** The pods labelled primary: exactly one when the group is healthy. */
  public List<String> labelledPrimary() {
    return replicas.stream().filter(r -> r.role().equals(AgLabels.PRIMARY)).map(Replica::pod).toList();
  }

  /** Every wanted replica runs and is ready, exactly one is labelled primary and the primary Service selects it. */
  public boolean healthy() {
    return problems().isEmpty();
  }

  /** Why the group is not healthy, one reason each; empty when it is. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (wanted == 0) {
      out.add("the StatefulSet " + group + " does not exist in " + namespace + " (run `kubeyard sqlserver deploy`)");
    } else if (ready() < wanted || replicas.size() != wanted) {
      out.add(ready() + " of " + wanted + " replicas ready");
    }
    List<String> primary = labelledPrimary();
    if (primary.isEmpty()) {
      out.add("no pod is labelled primary: the failover controller sets that label, and `kubeyard sqlserver"
          + " deploy` does not run the controller yet");
    } else if (primary.size() > 1) {
      out.add(primary.size() + " pods are labelled primary (" + String.join(", ", primary) + "): writes could reach"
          + " more than one replica");
    } else if (!primarySelects.equals(primary)) {
      out.add(group + "-primary selects " + names(primarySelects) + ", not the pod labelled primary, "
          + primary.get(0));
    }
    return out;
  }

  /** One line per aspect, for the CLI and the desktop. */
  public List<String> lines() {
    List<String> primary = labelledPrimary();
    return List.of(
        "replicas: " + ready() + "/" + wanted + " ready (StatefulSet " + namespace + "/" + group + ")",
        "primary: " + (primary.isEmpty() ? "none labelled" : String.join(", ", primary)) + "; " + group
            + "-primary selects " + names(primarySelects),
        "secondaries: " + group + "-secondary selects " + names(secondarySelects));
  }

  private static String names(List<String> pods) {
    return pods.isEmpty() ? "no pod" : String.join(", ", pods);
  }
}

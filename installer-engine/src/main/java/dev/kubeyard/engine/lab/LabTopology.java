package dev.kubeyard.engine.lab;

import dev.kubeyard.model.spec.Role;
import java.util.List;

/**
 * The lab's machines: the original notes' topology scaled to fit one 2-core machine. Two LB hosts
 * (haproxy + keepalived holding the VIP), two masters, two Linux workers; the three etcd members sit on
 * the masters and the first worker, as the notes co-locate them.
 */
public record LabTopology(String name, String prefix, String vip, List<LabHost> hosts) {

  public static LabTopology standard(String name, String prefix) {
    return new LabTopology(name, prefix, prefix + ".10", List.of(
        new LabHost("lb1", 0, prefix + ".11", List.of(Role.LB)),
        new LabHost("lb2", 1, prefix + ".12", List.of(Role.LB)),
        new LabHost("master1", 2, prefix + ".1", List.of(Role.ETCD, Role.MASTER)),
        new LabHost("master2", 3, prefix + ".2", List.of(Role.ETCD, Role.MASTER)),
        new LabHost("node1", 4, prefix + ".3", List.of(Role.ETCD, Role.NODE)),
        new LabHost("node2", 5, prefix + ".4", List.of(Role.NODE))));
  }

  /** The default lab: 10.213.50.0/24, which nothing on the build machine uses. */
  public static LabTopology standard() {
    return standard("lab", "10.213.50");
  }

  /**
   * One more Linux worker ({@code nodeN} at the next address): the lab for Elasticsearch needs three,
   * one per master-eligible node (their anti-affinity is required).
   */
  public LabTopology withWorker(String workerName) {
    int index = hosts.stream().mapToInt(LabHost::index).max().orElse(-1) + 1;
    int last = hosts.stream().filter(h -> h.roles().contains(Role.NODE))
        .mapToInt(h -> Integer.parseInt(h.address().substring(h.address().lastIndexOf('.') + 1))).max().orElse(2);
    List<LabHost> more = new java.util.ArrayList<>(hosts);
    more.add(new LabHost(workerName, index, prefix + "." + (last + 1), List.of(Role.NODE)));
    return new LabTopology(name, prefix, vip, List.copyOf(more));
  }

  /** Only the named hosts (a smaller lab for tests); the spec written for it is then not HA. */
  public LabTopology only(String... names) {
    List<String> wanted = List.of(names);
    return new LabTopology(name, prefix, vip, hosts.stream().filter(h -> wanted.contains(h.name())).toList());
  }
}

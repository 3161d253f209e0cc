package dev.kubeyard.engine.apps.elasticsearch;

import dev.kubeyard.engine.files.Sha256;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a node is configured with, apart from its version: the JVM heap and node settings that need a
 * restart. Its {@link #id()} is a hash of both, so two nodes report the same revision exactly when
 * they run the same configuration. Nodes carry it as the node attribute {@value #NODE_ATTRIBUTE}.
 */
public record ConfigRevision(String heap, SortedMap<String, String> nodeSettings) {
  /** The node attribute (setting {@code node.attr.config_revision}) every node reports in _nodes. */
  public static final String NODE_ATTRIBUTE = "config_revision";

  public ConfigRevision {
    if (heap == null || !heap.matches("\\d+[mg]")) {
      throw new IllegalArgumentException("heap must look like 512m or 1g, got " + heap);
    }
    nodeSettings = new TreeMap<>(nodeSettings);
    nodeSettings.keySet().stream().filter(k -> k.startsWith("node.attr.") || k.equals("node.name")
        || k.equals("path.data") || k.equals("path.home") || k.equals("cluster.initial_master_nodes")).findFirst().ifPresent(k -> {
          throw new IllegalArgumentException(k + " is set by Kubeyard per node and cannot be part of a revision");
        });
  }

  public static ConfigRevision of(String heap, Map<String, String> nodeSettings) {
    return new ConfigRevision(heap, new TreeMap<>(nodeSettings));
  }

  /** Ten hex digits of SHA-256 over the heap and the sorted settings. */
  public String id() {
    StringBuilder text = new StringBuilder("heap=").append(heap).append('\n');
    nodeSettings.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    return Sha256.of(text.toString()).substring(0, 10);
  }

  @Override
  public String toString() {
    return id() + " (heap " + heap + (nodeSettings.isEmpty() ? "" : ", " + nodeSettings) + ")";
  }
}

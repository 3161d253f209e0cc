package dev.kubeyard.engine.apps.elasticsearch.manifest;

import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import java.util.LinkedHashMap;
import java.util.Map;

/** The node roles Kubeyard deploys, one StatefulSet each. */
public enum NodeRole {
  MASTER("master"),
  DATA("data"),
  INGEST("ingest");

  private final String label;

  NodeRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The settings that give a node only this role: node.roles from 7.9, the three booleans before. */
  public Map<String, String> roleSettings(EsVersion version) {
    Map<String, String> s = new LinkedHashMap<>();
    if (version.hasNodeRolesSetting()) {
      s.put("node.roles", label);
    } else {
      s.put("node.master", Boolean.toString(this == MASTER));
      s.put("node.data", Boolean.toString(this == DATA));
      s.put("node.ingest", Boolean.toString(this == INGEST));
    }
    return s;
  }
}

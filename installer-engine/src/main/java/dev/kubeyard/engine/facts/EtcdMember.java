package dev.kubeyard.engine.facts;

import dev.kubeyard.model.net.ComponentPorts;

/** One etcd member: its name in --initial-cluster and the URLs it serves. All URLs are TLS. */
public record EtcdMember(String name, String hostName, String address) {
  public String peerUrl() {
    return "https://" + address + ":" + ComponentPorts.ETCD_PEER;
  }

  public String clientUrl() {
    return "https://" + address + ":" + ComponentPorts.ETCD_CLIENT;
  }
}

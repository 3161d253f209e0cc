package dev.kubeyard.engine.facts;

/** One etcd member: its name in --initial-cluster and the URLs it serves. All URLs are TLS. */
public record EtcdMember(String name, String hostName, String address) {
  public String peerUrl() {
    return "https://" + address + ":2380";
  }

  public String clientUrl() {
    return "https://" + address + ":2379";
  }
}

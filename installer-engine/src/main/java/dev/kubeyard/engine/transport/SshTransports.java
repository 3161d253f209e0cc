package dev.kubeyard.engine.transport;

import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.HostSpec;

/** SSH transports to the hosts of a (defaulted, valid) spec. */
public final class SshTransports implements TransportFactory {
  private final ClusterSpec spec;
  private final SshSettings settings;

  public SshTransports(ClusterSpec spec, SshSettings settings) {
    this.spec = spec;
    this.settings = settings;
  }

  @Override
  public Transport open(String host) {
    HostSpec h = spec.hosts().stream().filter(x -> x.name().equals(host)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no host named " + host + " in the spec"));
    return new JschTransport(SshTarget.of(h), settings);
  }
}

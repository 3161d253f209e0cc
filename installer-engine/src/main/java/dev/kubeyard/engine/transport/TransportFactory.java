package dev.kubeyard.engine.transport;

/** Opens a transport to a host of the cluster by its name in the spec. */
@FunctionalInterface
public interface TransportFactory {
  Transport open(String host);
}

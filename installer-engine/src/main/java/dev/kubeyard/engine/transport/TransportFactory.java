package dev.kubeyard.engine.transport;

/** Opens a transport to a host of the cluster by its name in the spec. */
@FunctionalInterface
public interface TransportFactory {
  Transport open(String host);

  /**
   * True when the transports only record what they are asked (a rehearsal, a dry run): no host is
   * reached and no file of the plan folder is read, so the executor does not require them.
   */
  default boolean rehearses() {
    return false;
  }
}

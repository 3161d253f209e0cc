package dev.kubeyard.desktop.install;

/** Names one step on one host, e.g. {@code master1/start-etcd}. */
public final class StepKey {
  private StepKey() {}

  public static String of(String host, String stepId) {
    return dev.kubeyard.engine.run.Rehearsal.key(host, stepId); // the rehearsal reads these keys
  }
}

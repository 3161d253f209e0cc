package dev.kubeyard.engine.lab;

/** What 'kubeyard lab status' shows for one host. */
public record LabHostStatus(String name, String address, boolean running, boolean sshdAnswers, String systemState) {
  @Override
  public String toString() {
    return String.format("%-8s %-14s %-8s sshd %-4s systemd %s", name, address, running ? "running" : "stopped",
        sshdAnswers ? "up" : "down", systemState);
  }
}

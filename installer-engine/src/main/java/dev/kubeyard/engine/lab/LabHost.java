package dev.kubeyard.engine.lab;

import dev.kubeyard.model.spec.Role;
import java.util.List;

/** One machine of the lab: its name, its place on the lab network and what it does in the cluster. */
public record LabHost(String name, int index, String address, List<Role> roles) {
  public LabHost {
    roles = List.copyOf(roles);
  }
}

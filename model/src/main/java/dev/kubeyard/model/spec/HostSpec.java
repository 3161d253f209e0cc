package dev.kubeyard.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One machine of the cluster: how to reach it and what it does. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "address", "os", "roles", "ssh"})
public record HostSpec(String name, String address, OsFamily os, List<Role> roles, SshSpec ssh) {

  public HostSpec {
    roles = roles == null ? null : List.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles != null && roles.contains(role);
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isWindows() {
    return os == OsFamily.WINDOWS;
  }

  public HostSpec withSsh(SshSpec newSsh) {
    return new HostSpec(name, address, os, roles, newSsh);
  }
}

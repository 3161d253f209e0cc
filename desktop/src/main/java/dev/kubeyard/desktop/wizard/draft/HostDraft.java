package dev.kubeyard.desktop.wizard.draft;

import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.spec.OsFamily;
import dev.kubeyard.model.spec.Role;
import dev.kubeyard.model.spec.SshSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One row of the hosts table: a host as it is being edited. */
public final class HostDraft {
  public final StringProperty name = new SimpleStringProperty("");
  public final StringProperty address = new SimpleStringProperty("");
  public final ObjectProperty<OsFamily> os = new SimpleObjectProperty<>(OsFamily.LINUX);
  public final StringProperty sshUser = new SimpleStringProperty("root");
  public final StringProperty sshPort = new SimpleStringProperty("22");
  public final StringProperty sshKey = new SimpleStringProperty("~/.ssh/id_ed25519");
  public final StringProperty sshPasswordFrom = new SimpleStringProperty("");
  /** ssh.agent: log in with the running ssh-agent's keys (ADR 37). */
  public final javafx.beans.property.BooleanProperty sshAgent = new javafx.beans.property.SimpleBooleanProperty(false);
  /** ssh.privateKeyPassphraseFrom: env:NAME, file:/path or prompt; never the passphrase itself. */
  public final StringProperty sshKeyPassphraseFrom = new SimpleStringProperty("");
  private final Map<Role, BooleanProperty> roles = new EnumMap<>(Role.class);

  public HostDraft() {
    for (Role r : Role.values()) {
      roles.put(r, new SimpleBooleanProperty(false));
    }
  }

  public static HostDraft of(HostSpec h) {
    HostDraft d = new HostDraft();
    d.name.set(Conversion.show(h.name()));
    d.address.set(Conversion.show(h.address()));
    d.os.set(h.os() == null ? OsFamily.LINUX : h.os());
    if (h.roles() != null) {
      h.roles().forEach(r -> d.role(r).set(true));
    }
    SshSpec ssh = h.ssh();
    if (ssh != null) {
      d.sshUser.set(Conversion.show(ssh.user()));
      d.sshPort.set(Conversion.show(ssh.port()));
      d.sshKey.set(Conversion.show(ssh.privateKey()));
      d.sshPasswordFrom.set(Conversion.show(ssh.passwordFrom()));
      d.sshAgent.set(ssh.usesAgent());
      d.sshKeyPassphraseFrom.set(Conversion.show(ssh.privateKeyPassphraseFrom()));
    }
    return d;
  }

  public BooleanProperty role(Role role) {
    return roles.get(role);
  }

  public List<Role> roles() {
    return roles.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
  }

  public HostSpec toSpec(int index, Conversion c) {
    String at = "hosts[" + index + "].ssh.port";
    SshSpec ssh = new SshSpec(Conversion.required(sshUser.get()), c.number(at, sshPort.get()),
        Conversion.optional(sshKey.get()), Conversion.optional(sshPasswordFrom.get()), sshAgent.get() ? Boolean.TRUE : null,
        Conversion.optional(sshKeyPassphraseFrom.get()));
    return new HostSpec(Conversion.required(name.get()), Conversion.required(address.get()), os.get(), roles(), ssh);
  }

  /** Everything a table row shows, for the list's change extractor. */
  public Observable[] observables() {
    List<Observable> all = new ArrayList<>(List.of(name, address, os, sshUser, sshPort, sshKey, sshPasswordFrom,
        sshAgent, sshKeyPassphraseFrom));
    all.addAll(roles.values());
    return all.toArray(Observable[]::new);
  }
}

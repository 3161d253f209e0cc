package dev.kubeyard.desktop.wizard.hosts;

import dev.kubeyard.desktop.fx.FormGrid;
import dev.kubeyard.desktop.fx.Ui;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.wizard.SpecValidation;
import dev.kubeyard.desktop.wizard.draft.HostDraft;
import dev.kubeyard.model.spec.OsFamily;
import dev.kubeyard.model.spec.Role;
import java.util.EnumMap;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Edits the selected host; its fields follow the selection and show that host's problems. */
final class HostEditor {
  private final VBox card;
  private final TextField name = new TextField();
  private final TextField address = new TextField();
  private final ComboBox<OsFamily> os = new ComboBox<>(FXCollections.observableArrayList(OsFamily.values()));
  private final Map<Role, CheckBox> roles = new EnumMap<>(Role.class);
  private final TextField user = new TextField();
  private final TextField port = new TextField();
  private final TextField key = new TextField();
  private final TextField passwordFrom = new TextField();
  private final CheckBox agent = new CheckBox();
  private final TextField keyPassphraseFrom = new TextField();

  HostEditor(HostsViewModel vm, SpecValidation validation, I18n i18n) {
    FormGrid form = new FormGrid(i18n, validation, 120);
    name.setId("host-name");
    address.setId("host-address");
    os.setId("host-os");
    user.setId("host-ssh-user");
    port.setId("host-ssh-port");
    key.setId("host-ssh-key");
    passwordFrom.setId("host-ssh-password-from");
    agent.setId("host-ssh-agent");
    keyPassphraseFrom.setId("host-ssh-key-passphrase-from");
    os.setCellFactory(l -> osCell(i18n));
    os.setButtonCell(osCell(i18n));
    form.field("host.name", name, vm.pathOf("name"));
    form.field("host.address", address, vm.pathOf("address"));
    form.field("host.os", os, vm.pathOf("os"));
    FlowPane roleBoxes = new FlowPane(12, 6);
    for (Role r : Role.values()) {
      CheckBox box = Ui.checkBox(i18n, "role." + r.yamlName());
      box.setId("host-role-" + r.yamlName());
      roles.put(r, box);
      roleBoxes.getChildren().add(box);
    }
    roleBoxes.setId("host-roles");
    form.field("host.roles", roleBoxes, vm.pathOf("roles"));
    form.field("host.ssh.user", user, vm.pathOf("ssh.user"));
    form.field("host.ssh.port", port, vm.pathOf("ssh.port"));
    form.field("host.ssh.key", key, vm.pathOf("ssh.privateKey"));
    form.field("host.ssh.keyPassphraseFrom", keyPassphraseFrom, vm.pathOf("ssh.privateKeyPassphraseFrom"));
    form.field("host.ssh.agent", agent, vm.pathOf("ssh.agent"));
    form.field("host.ssh.passwordFrom", passwordFrom, vm.pathOf("ssh.passwordFrom"));
    form.hint("host.ssh.hint");
    card = Ui.card(i18n, "host.editor.title", form.node());
    card.setPrefWidth(380);
    card.setMinWidth(340);
    card.disableProperty().bind(vm.selectedHost().isNull());
    vm.selectedHost().addListener((o, old, now) -> rebind(old, now));
    rebind(null, vm.selectedHost().get());
  }

  private static ListCell<OsFamily> osCell(I18n i18n) {
    return new ListCell<>() {
      @Override
      protected void updateItem(OsFamily item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : i18n.get("os." + item.yamlName()));
      }
    };
  }

  private void rebind(HostDraft old, HostDraft now) {
    if (old != null) {
      name.textProperty().unbindBidirectional(old.name);
      address.textProperty().unbindBidirectional(old.address);
      os.valueProperty().unbindBidirectional(old.os);
      roles.forEach((r, box) -> box.selectedProperty().unbindBidirectional(old.role(r)));
      user.textProperty().unbindBidirectional(old.sshUser);
      port.textProperty().unbindBidirectional(old.sshPort);
      key.textProperty().unbindBidirectional(old.sshKey);
      passwordFrom.textProperty().unbindBidirectional(old.sshPasswordFrom);
      agent.selectedProperty().unbindBidirectional(old.sshAgent);
      keyPassphraseFrom.textProperty().unbindBidirectional(old.sshKeyPassphraseFrom);
    }
    if (now != null) {
      name.textProperty().bindBidirectional(now.name);
      address.textProperty().bindBidirectional(now.address);
      os.valueProperty().bindBidirectional(now.os);
      roles.forEach((r, box) -> box.selectedProperty().bindBidirectional(now.role(r)));
      user.textProperty().bindBidirectional(now.sshUser);
      port.textProperty().bindBidirectional(now.sshPort);
      key.textProperty().bindBidirectional(now.sshKey);
      passwordFrom.textProperty().bindBidirectional(now.sshPasswordFrom);
      agent.selectedProperty().bindBidirectional(now.sshAgent);
      keyPassphraseFrom.textProperty().bindBidirectional(now.sshKeyPassphraseFrom);
    } else {
      for (TextField t : new TextField[] {name, address, user, port, key, passwordFrom, keyPassphraseFrom}) {
        t.clear();
      }
      agent.setSelected(false);
    }
  }

  Node node() {
    return card;
  }
}

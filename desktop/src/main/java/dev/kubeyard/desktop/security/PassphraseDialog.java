package dev.kubeyard.desktop.security;

import dev.kubeyard.desktop.fx.FxThreadAdapter;
import dev.kubeyard.desktop.i18n.I18n;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

/** A modal dialog with one PasswordField; what is typed goes to the caller and the field is cleared. */
public final class PassphraseDialog {
  private PassphraseDialog() {}

  /** The prompt the app installs: this dialog, on the FX thread. */
  public static PassphrasePrompt prompt(I18n i18n) {
    return new PassphrasePrompt(FxThreadAdapter.executor(), Platform::isFxApplicationThread, r -> show(i18n, r));
  }

  static Optional<char[]> show(I18n i18n, PassphrasePrompt.Request request) {
    Dialog<ButtonType> dialog = new Dialog<>();
    boolean pki = request.kind() == PassphrasePrompt.Kind.PKI;
    dialog.setTitle(i18n.get(pki ? "passphrase.pki.title" : "passphrase.ssh.title"));
    PasswordField field = new PasswordField();
    field.setId("passphrase");
    Label why = new Label(pki ? request.why() : i18n.get("passphrase.ssh.why", request.why()));
    why.setWrapText(true);
    dialog.getDialogPane().setContent(new VBox(8, why, new Label(i18n.get("passphrase.field")), field));
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    dialog.setOnShown(e -> field.requestFocus());
    Optional<ButtonType> pressed = dialog.showAndWait();
    char[] typed = field.getText().toCharArray();
    field.clear();
    return pressed.filter(b -> b == ButtonType.OK).map(b -> typed);
  }
}

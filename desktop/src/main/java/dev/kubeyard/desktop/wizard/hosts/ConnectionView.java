package dev.kubeyard.desktop.wizard.hosts;

import dev.kubeyard.desktop.fx.Ui;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.engine.transport.OfferedHostKey;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The result of "Test connection", and the host key to accept or refuse when the host is new. */
final class ConnectionView {
  private final VBox box = new VBox(8);

  ConnectionView(HostsViewModel vm, I18n i18n) {
    ConnectionTest test = vm.connectionTest();
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(16, 16);
    busy.visibleProperty().bind(test.runningProperty());
    busy.managedProperty().bind(busy.visibleProperty());

    Label offered = new Label();
    offered.setId("hosts-offered-key");
    offered.setWrapText(true);
    offered.textProperty().bind(Bindings.createStringBinding(() -> {
      OfferedHostKey k = test.offeredKeyProperty().get();
      return k == null ? "" : i18n.get("hosts.key.offered", k.hostName(), k.knownHostsName(), k.type(), k.fingerprint());
    }, test.offeredKeyProperty(), i18n.languageProperty()));
    Button accept = Ui.button(i18n, "hosts.key.accept");
    accept.setId("hosts-accept-key");
    accept.getStyleClass().add("accent");
    accept.setOnAction(e -> test.accept());
    Button refuse = Ui.button(i18n, "hosts.key.refuse");
    refuse.setId("hosts-refuse-key");
    refuse.setOnAction(e -> test.refuse());
    HBox answer = new HBox(8, accept, refuse);
    Label where = new Label();
    where.getStyleClass().add("hint");
    where.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("hosts.key.where", vm.knownHosts()),
        test.offeredKeyProperty(), i18n.languageProperty()));
    VBox keyBox = new VBox(8, offered, where, answer);
    keyBox.getStyleClass().add("key-box");
    keyBox.visibleProperty().bind(test.offeredKeyProperty().isNotNull());
    keyBox.managedProperty().bind(keyBox.visibleProperty());

    Label result = new Label();
    result.setId("hosts-connection-result");
    result.setWrapText(true);
    result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    result.textProperty().bind(Bindings.createStringBinding(() -> {
      ConnectionTest.Result r = test.resultProperty().get();
      return r == null ? "" : r.connected() ? i18n.get("hosts.connection.ok", r.host(), r.detail())
          : i18n.get("hosts.connection.failed", r.host(), r.detail(), r.hint());
    }, test.resultProperty(), i18n.languageProperty()));
    Runnable paint = () -> {
      ConnectionTest.Result r = test.resultProperty().get();
      result.getStyleClass().removeAll("success-text", "field-problem");
      if (r != null) {
        result.getStyleClass().add(r.connected() ? "success-text" : "field-problem");
      }
    };
    test.resultProperty().addListener(o -> paint.run());
    HBox resultRow = new HBox(8, busy, result);
    resultRow.setAlignment(Pos.CENTER_LEFT);
    box.getChildren().addAll(keyBox, resultRow);
  }

  Node node() {
    return box;
  }
}

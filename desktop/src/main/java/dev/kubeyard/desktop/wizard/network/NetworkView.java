package dev.kubeyard.desktop.wizard.network;

import dev.kubeyard.desktop.fx.FormGrid;
import dev.kubeyard.desktop.fx.Ui;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.wizard.PageView;
import dev.kubeyard.desktop.wizard.SpecValidation;
import dev.kubeyard.desktop.wizard.draft.KubernetesDraft;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The network page: the cluster's address plan and flannel, with overlaps highlighted on both sides. */
public final class NetworkView implements PageView {
  private static final PseudoClass CONFLICT = PseudoClass.getPseudoClass("conflict");
  private final VBox root = new VBox(16);

  public NetworkView(NetworkViewModel vm, SpecValidation validation, I18n i18n) {
    root.getStyleClass().add("page");
    KubernetesDraft k = vm.kubernetes();
    FormGrid ranges = new FormGrid(i18n, validation);
    TextField service = ranges.field("network.serviceCidr", Ui.text(k.serviceCidr), NetworkViewModel.SERVICE);
    TextField cluster = ranges.field("network.clusterCidr", Ui.text(k.clusterCidr), NetworkViewModel.CLUSTER);
    ranges.field("network.clusterDnsIp", Ui.text(k.clusterDnsIp), "kubernetes.clusterDnsIp");
    ranges.field("network.clusterDomain", Ui.text(k.clusterDomain), "kubernetes.clusterDomain");
    ranges.field("network.nodePortRange", Ui.text(k.nodePortRange), "kubernetes.nodePortRange");
    ranges.hint("network.ranges.hint");

    Label conflicts = new Label();
    conflicts.setId("network-conflicts");
    conflicts.getStyleClass().add("conflict-banner");
    conflicts.setWrapText(true);
    conflicts.setMaxWidth(Double.MAX_VALUE);
    conflicts.textProperty().bind(Bindings.createStringBinding(() -> vm.conflicts().stream()
        .map(c -> i18n.get(c.messageKey(), c.args().toArray())).collect(Collectors.joining("\n")),
        vm.conflicts(), i18n.languageProperty()));
    conflicts.visibleProperty().bind(Bindings.isNotEmpty(vm.conflicts()));
    conflicts.managedProperty().bind(conflicts.visibleProperty());
    Runnable paint = () -> {
      service.pseudoClassStateChanged(CONFLICT, vm.inConflict(NetworkViewModel.SERVICE));
      cluster.pseudoClassStateChanged(CONFLICT, vm.inConflict(NetworkViewModel.CLUSTER));
    };
    vm.conflicts().addListener((ListChangeListener<Conflict>) c -> paint.run());
    paint.run();

    FormGrid flannel = new FormGrid(i18n, validation);
    ComboBox<String> backend = new ComboBox<>(FXCollections.observableArrayList("vxlan", "host-gw"));
    backend.valueProperty().bindBidirectional(k.networkBackend);
    flannel.field("network.backend", backend, "network.backend");
    flannel.field("network.vni", Ui.text(k.vni), "network.vni");
    flannel.field("network.port", Ui.text(k.vxlanPort), "network.port");
    flannel.hint("network.flannel.hint");

    root.getChildren().addAll(conflicts, Ui.card(i18n, "network.ranges.title", ranges.node()),
        Ui.card(i18n, "network.flannel.title", flannel.node()));
  }

  @Override
  public Node node() {
    return root;
  }
}

package dev.kubeyard.desktop.wizard.apps;

import dev.kubeyard.desktop.fx.FormGrid;
import dev.kubeyard.desktop.fx.Ui;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.wizard.PageView;
import dev.kubeyard.desktop.wizard.SpecValidation;
import dev.kubeyard.desktop.wizard.draft.ElasticsearchDraft;
import dev.kubeyard.desktop.wizard.draft.GitlabDraft;
import dev.kubeyard.desktop.wizard.draft.PythonServiceDraft;
import dev.kubeyard.desktop.wizard.draft.SqlServerDraft;
import javafx.beans.property.BooleanProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The apps page: each application of the platform, included or not, with its options. */
public final class AppsView implements PageView {
  private final VBox root = new VBox(12);
  private final I18n i18n;
  private final SpecValidation validation;

  public AppsView(AppsViewModel vm, SpecValidation validation, I18n i18n) {
    this.i18n = i18n;
    this.validation = validation;
    root.getStyleClass().add("page");
    GridPane grid = new GridPane();
    grid.setHgap(16);
    grid.setVgap(16);
    for (int i = 0; i < 2; i++) {
      ColumnConstraints c = new ColumnConstraints();
      c.setPercentWidth(50);
      c.setHgrow(Priority.ALWAYS);
      grid.getColumnConstraints().add(c);
    }
    grid.add(elasticsearch(vm.elasticsearch()), 0, 0);
    grid.add(sqlserver(vm.sqlserver()), 1, 0);
    grid.add(gitlab(vm.gitlab()), 0, 1);
    grid.add(python(vm.pythonService()), 1, 1);
    grid.add(ingressCertificate(vm), 0, 2, 2, 1);
    root.getChildren().addAll(Ui.hint(i18n, "apps.hint"), grid);
  }

  private Node elasticsearch(ElasticsearchDraft d) {
    FormGrid f = new FormGrid(i18n, validation);
    String at = "apps.elasticsearch.";
    f.field("apps.version", Ui.text(d.version), at + "version");
    f.field("apps.namespace", Ui.text(d.namespace), at + "namespace");
    f.field("apps.es.masters", Ui.text(d.masters), at + "masters");
    f.field("apps.es.data", Ui.text(d.data), at + "data");
    f.field("apps.es.ingest", Ui.text(d.ingest), at + "ingest");
    f.field("apps.storageSize", Ui.text(d.storageSize), at + "storageSize");
    f.field("apps.storageClass", Ui.text(d.storageClass), at + "storageClass");
    f.field("apps.es.heap", Ui.text(d.heap), at + "heap");
    return section("app.elasticsearch.title", "apps-elasticsearch", d.included, f);
  }

  private Node sqlserver(SqlServerDraft d) {
    FormGrid f = new FormGrid(i18n, validation);
    String at = "apps.sqlserver.";
    ComboBox<String> version = new ComboBox<>(FXCollections.observableArrayList("2019", "2022"));
    version.valueProperty().bindBidirectional(d.version);
    f.field("apps.version", version, at + "version");
    f.field("apps.namespace", Ui.text(d.namespace), at + "namespace");
    f.field("apps.sql.replicas", Ui.text(d.replicas), at + "replicas");
    f.field("apps.sql.availabilityGroup", Ui.text(d.availabilityGroup), at + "availabilityGroup");
    f.field("apps.storageSize", Ui.text(d.storageSize), at + "storageSize");
    f.field("apps.sql.saPasswordFrom", Ui.text(d.saPasswordFrom), at + "saPasswordFrom");
    f.field("apps.sql.exposeTcpPort", Ui.text(d.exposeTcpPort), at + "exposeTcpPort");
    f.hint("apps.sql.hint");
    return section("app.sqlserver.title", "apps-sqlserver", d.included, f);
  }

  private Node gitlab(GitlabDraft d) {
    FormGrid f = new FormGrid(i18n, validation);
    String at = "apps.gitlab.";
    f.field("apps.version", Ui.text(d.version), at + "version");
    f.field("apps.namespace", Ui.text(d.namespace), at + "namespace");
    f.field("apps.host", Ui.text(d.host), at + "host");
    f.field("apps.gitlab.webserviceReplicas", Ui.text(d.webserviceReplicas), at + "webserviceReplicas");
    f.field("apps.gitlab.sidekiqReplicas", Ui.text(d.sidekiqReplicas), at + "sidekiqReplicas");
    f.field("apps.gitlab.postgresHost", Ui.text(d.postgresHost), at + "postgresHost");
    f.field("apps.gitlab.redisSentinels", Ui.text(d.redisSentinels), at + "redisSentinels");
    f.field("apps.gitlab.objectStorage", Ui.text(d.objectStorageEndpoint), at + "objectStorageEndpoint");
    return section("app.gitlab.title", "apps-gitlab", d.included, f);
  }

  private Node python(PythonServiceDraft d) {
    FormGrid f = new FormGrid(i18n, validation);
    String at = "apps.pythonService.";
    f.field("apps.namespace", Ui.text(d.namespace), at + "namespace");
    f.field("apps.python.image", Ui.text(d.image), at + "image");
    f.field("apps.python.replicas", Ui.text(d.replicas), at + "replicas");
    f.field("apps.host", Ui.text(d.host), at + "host");
    return section("app.python.title", "apps-python", d.included, f);
  }

  /** pki.ingressCertificate: the PEM files of the administrator's own certificate for the app hosts. */
  private Node ingressCertificate(AppsViewModel vm) {
    FormGrid f = new FormGrid(i18n, validation);
    String at = "pki.ingressCertificate.";
    f.field("apps.tls.certificateFile", Ui.text(vm.ingressCertificateFile()), at + "certificateFile");
    f.field("apps.tls.keyFile", Ui.text(vm.ingressKeyFile()), at + "keyFile");
    f.hint("apps.tls.hint");
    return Ui.card(i18n, "apps.tls.title", f.node());
  }

  private Node section(String titleKey, String id, BooleanProperty included, FormGrid form) {
    CheckBox include = Ui.checkBox(i18n, titleKey);
    include.setId(id);
    include.getStyleClass().add("card-title");
    include.selectedProperty().bindBidirectional(included);
    form.node().disableProperty().bind(included.not());
    VBox card = Ui.card(i18n, null, include, form.node());
    card.setMaxHeight(Double.MAX_VALUE);
    return card;
  }

  @Override
  public Node node() {
    return root;
  }
}

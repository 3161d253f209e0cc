package dev.kubeyard.desktop.wizard.draft;

import dev.kubeyard.model.spec.SqlServerSpec;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The SQL Server availability group section of the Apps page. */
public final class SqlServerDraft {
  public final BooleanProperty included = new SimpleBooleanProperty(false);
  public final StringProperty version = new SimpleStringProperty("2022");
  public final StringProperty namespace = new SimpleStringProperty("mssql");
  public final StringProperty replicas = new SimpleStringProperty("3");
  public final StringProperty availabilityGroup = new SimpleStringProperty("ag1");
  public final StringProperty storageSize = new SimpleStringProperty("20Gi");
  public final StringProperty saPasswordFrom = new SimpleStringProperty("secret:mssql/sa-password");
  public final StringProperty exposeTcpPort = new SimpleStringProperty("");
  /**
   * The loaded section: the fields this page does not show yet (edition, image, licence, databases,
   * lease, RSSTC, master-key reference) are kept from it, so loading and saving a spec loses none.
   */
  private SqlServerSpec loaded;

  void load(SqlServerSpec s) {
    loaded = s;
    included.set(s != null && !Boolean.FALSE.equals(s.enabled()));
    if (s != null) {
      version.set(Conversion.show(s.version()));
      namespace.set(Conversion.show(s.namespace()));
      replicas.set(Conversion.show(s.replicas()));
      availabilityGroup.set(Conversion.show(s.availabilityGroup()));
      storageSize.set(Conversion.show(s.storageSize()));
      saPasswordFrom.set(Conversion.show(s.saPasswordFrom()));
      exposeTcpPort.set(Conversion.show(s.exposeTcpPort()));
    }
  }

  SqlServerSpec toSpec(Conversion c) {
    if (!included.get()) {
      return null;
    }
    String at = "apps.sqlserver.";
    SqlServerSpec kept = loaded != null ? loaded
        : new SqlServerSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    return new SqlServerSpec(true, Conversion.required(version.get()), kept.edition(), kept.image(), kept.acceptEula(),
        Conversion.required(namespace.get()), c.number(at + "replicas", replicas.get()),
        Conversion.required(availabilityGroup.get()), kept.databases(), Conversion.required(storageSize.get()),
        kept.storageClass(), kept.writeLeaseValiditySeconds(), kept.requiredSynchronizedSecondariesToCommit(),
        Conversion.required(saPasswordFrom.get()), kept.masterKeyPasswordFrom(),
        c.optionalNumber(at + "exposeTcpPort", exposeTcpPort.get()));
  }

  List<Observable> observables() {
    return List.of(included, version, namespace, replicas, availabilityGroup, storageSize, saPasswordFrom,
        exposeTcpPort);
  }
}

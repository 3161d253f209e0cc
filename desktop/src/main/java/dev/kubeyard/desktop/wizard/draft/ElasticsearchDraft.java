package dev.kubeyard.desktop.wizard.draft;

import dev.kubeyard.model.spec.Defaults;
import dev.kubeyard.model.spec.ElasticsearchSpec;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Elasticsearch section of the Apps page. */
public final class ElasticsearchDraft {
  public final BooleanProperty included = new SimpleBooleanProperty(false);
  public final StringProperty version = new SimpleStringProperty(Defaults.ELASTICSEARCH_VERSION);
  public final StringProperty namespace = new SimpleStringProperty("elastic");
  public final StringProperty masters = new SimpleStringProperty("3");
  public final StringProperty data = new SimpleStringProperty("2");
  public final StringProperty ingest = new SimpleStringProperty("2");
  public final StringProperty storageSize = new SimpleStringProperty("50Gi");
  public final StringProperty storageClass = new SimpleStringProperty("");
  public final StringProperty heap = new SimpleStringProperty("1g");
  /** Empty: the HTTP API stays inside the cluster (no Ingress). */
  public final StringProperty ingressHost = new SimpleStringProperty("");

  void load(ElasticsearchSpec s) {
    included.set(s != null && !Boolean.FALSE.equals(s.enabled()));
    if (s != null) {
      version.set(Conversion.show(s.version()));
      namespace.set(Conversion.show(s.namespace()));
      masters.set(Conversion.show(s.masters()));
      data.set(Conversion.show(s.data()));
      ingest.set(Conversion.show(s.ingest()));
      storageSize.set(Conversion.show(s.storageSize()));
      storageClass.set(Conversion.show(s.storageClass()));
      heap.set(Conversion.show(s.heap()));
      ingressHost.set(Conversion.show(s.ingressHost()));
    }
  }

  ElasticsearchSpec toSpec(Conversion c) {
    if (!included.get()) {
      return null;
    }
    String at = "apps.elasticsearch.";
    return new ElasticsearchSpec(true, Conversion.required(version.get()), Conversion.required(namespace.get()),
        c.number(at + "masters", masters.get()), c.number(at + "data", data.get()),
        c.number(at + "ingest", ingest.get()), Conversion.required(storageSize.get()),
        Conversion.optional(storageClass.get()), Conversion.required(heap.get()), null,
        Conversion.optional(ingressHost.get()));
  }

  List<Observable> observables() {
    return List.of(included, version, namespace, masters, data, ingest, storageSize, storageClass, heap, ingressHost);
  }
}

package dev.kubeyard.desktop.wizard.draft;

import dev.kubeyard.model.spec.PythonServiceSpec;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Python gateway service section of the Apps page. */
public final class PythonServiceDraft {
  public final BooleanProperty included = new SimpleBooleanProperty(false);
  public final StringProperty namespace = new SimpleStringProperty("platform");
  public final StringProperty image = new SimpleStringProperty(PythonServiceSpec.BUNDLE_IMAGE);
  public final StringProperty replicas = new SimpleStringProperty("2");
  public final StringProperty host = new SimpleStringProperty("gateway.example.com");

  void load(PythonServiceSpec s) {
    included.set(s != null && !Boolean.FALSE.equals(s.enabled()));
    if (s != null) {
      namespace.set(Conversion.show(s.namespace()));
      image.set(Conversion.show(s.image()));
      replicas.set(Conversion.show(s.replicas()));
      host.set(Conversion.show(s.host()));
    }
  }

  PythonServiceSpec toSpec(Conversion c) {
    if (!included.get()) {
      return null;
    }
    return new PythonServiceSpec(true, Conversion.required(namespace.get()), Conversion.required(image.get()),
        c.number("apps.pythonService.replicas", replicas.get()), Conversion.required(host.get()));
  }

  List<Observable> observables() {
    return List.of(included, namespace, image, replicas, host);
  }
}

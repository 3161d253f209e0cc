package dev.kubeyard.desktop.wizard.draft;

import dev.kubeyard.model.spec.WindowsSpec;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Settings shared by the Windows workers; written to the spec only when a Windows host exists. */
public final class WindowsDraft {
  public final StringProperty serverVersion = new SimpleStringProperty("1809");
  public final StringProperty networkMode = new SimpleStringProperty("overlay");
  public final StringProperty installDir = new SimpleStringProperty("C:\\k");

  void load(WindowsSpec w) {
    if (w != null) {
      serverVersion.set(Conversion.show(w.serverVersion()));
      networkMode.set(Conversion.show(w.networkMode()));
      installDir.set(Conversion.show(w.installDir()));
    }
  }

  WindowsSpec toSpec(boolean anyWindowsHost) {
    return anyWindowsHost ? new WindowsSpec(Conversion.required(serverVersion.get()),
        Conversion.required(networkMode.get()), Conversion.required(installDir.get())) : null;
  }

  List<Observable> observables() {
    return List.of(serverVersion, networkMode, installDir);
  }
}

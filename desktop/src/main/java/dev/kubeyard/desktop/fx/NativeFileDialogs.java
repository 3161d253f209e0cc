package dev.kubeyard.desktop.fx;

import dev.kubeyard.desktop.i18n.I18n;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link FileDialogs} through JavaFX's native file chooser. */
public final class NativeFileDialogs implements FileDialogs {
  private final I18n i18n;
  private final Supplier<Window> owner;

  public NativeFileDialogs(I18n i18n, Supplier<Window> owner) {
    this.i18n = i18n;
    this.owner = owner;
  }

  @Override
  public Optional<Path> open(Kind kind) {
    if (kind == Kind.PLAN_FOLDER || kind == Kind.BUNDLE) {
      DirectoryChooser folder = new DirectoryChooser();
      folder.setTitle(i18n.get(kind == Kind.BUNDLE ? "dialog.bundle" : "dialog.planFolder"));
      return Optional.ofNullable(folder.showDialog(owner.get())).map(File::toPath);
    }
    return Optional.ofNullable(chooser(kind).showOpenDialog(owner.get())).map(File::toPath);
  }

  @Override
  public Optional<Path> save(Kind kind, String suggestedName) {
    FileChooser c = chooser(kind);
    c.setInitialFileName(suggestedName);
    return Optional.ofNullable(c.showSaveDialog(owner.get())).map(File::toPath);
  }

  private FileChooser chooser(Kind kind) {
    FileChooser c = new FileChooser();
    switch (kind) {
      case CLUSTER_YAML -> {
        c.setTitle(i18n.get("dialog.clusterYaml"));
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
      }
      case HOSTS_CSV -> {
        c.setTitle(i18n.get("dialog.hostsCsv"));
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt"));
      }
      case BUNDLE -> c.setTitle(i18n.get("dialog.bundle"));
      case KUBECONFIG -> c.setTitle(i18n.get("dialog.kubeconfig"));
      default -> throw new IllegalArgumentException(kind.toString());
    }
    c.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("dialog.allFiles"), "*"));
    return c;
  }
}

package dev.kubeyard.desktop.wizard.start;

import dev.kubeyard.engine.lab.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The engine's lab: six Debian machines (systemd-nspawn) on a private bridge, as {@code kubeyard lab up}. */
public final class EngineLab implements LabLauncher {

  @Override
  public List<String> missing() {
    List<String> missing = new ArrayList<>();
    if (!"root".equals(System.getProperty("user.name"))) {
      missing.add("root");
    }
    if (!Files.isExecutable(Path.of("/usr/bin/systemd-nspawn"))) {
      missing.add("systemd-container");
    }
    if (!Files.isExecutable(Path.of("/usr/sbin/debootstrap"))) {
      missing.add("debootstrap");
    }
    if (!Files.isExecutable(Path.of("/usr/bin/ssh-keygen"))) {
      missing.add("openssh-client");
    }
    return missing;
  }

  @Override
  public Path up(Consumer<String> progress) {
    Lab lab = Lab.standard();
    lab.up(progress);
    return lab.specFile();
  }
}

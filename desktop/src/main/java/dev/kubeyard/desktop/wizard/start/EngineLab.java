package dev.kubeyard.desktop.wizard.start;

import dev.kubeyard.engine.lab.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The engine's lab: six Debian machines (systemd-nspawn) on a private bridge, as {@code kubeyard lab up}. */
public final class EngineLab implements LabLauncher {
  private final Lab lab;

  /** The standard lab ('lab', 10.213.50.0/24), as {@code kubeyard lab up}. */
  public EngineLab() {
    this(Lab.standard());
  }

  /** Another lab, e.g. {@code new Lab(Lab.HOME, LabTopology.standard("desk", "10.213.57"), Lab.MIRROR)}. */
  public EngineLab(Lab lab) {
    this.lab = lab;
  }

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
    lab.up(progress);
    return lab.specFile();
  }
}

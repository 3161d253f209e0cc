package dev.kubeyard.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.pki.KeyFiles;
import dev.kubeyard.engine.pki.PkiPassphrase;
import dev.kubeyard.engine.plan.CertificatePlacement;
import dev.kubeyard.engine.render.HostPaths;
import dev.kubeyard.engine.render.RenderedFile;
import dev.kubeyard.model.spec.HostSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rendered systemd unit's command, runnable in a test: every host path among its flag values (PKI
 * files, rendered config files, data and log folders) is mapped into a temporary root.
 */
final class RenderedUnit {

  private RenderedUnit() {}

  /** The ExecStart flags of {@code service}'s unit on {@code host}, host paths mapped under {@code root}. */
  static List<String> flags(String service, HostSpec host, List<RenderedFile> files, Path pki, Path root)
      throws IOException {
    Map<String, String> local = new LinkedHashMap<>();
    for (CertificatePlacement.Placement p : CertificatePlacement.forHost(host)) {
      // An encrypted CA or service-account key (ADR 37) goes to the host decrypted, as apply places it.
      java.util.Optional<String> opened = KeyFiles.openedForHost(pki.resolve(p.pkiFile()), PkiPassphrase.fromEnvironment());
      if (opened.isPresent()) {
        Path placed = root.resolve(p.hostPath().substring(1));
        Files.createDirectories(placed.getParent());
        Files.writeString(placed, opened.get());
        local.put(p.hostPath(), placed.toString());
      } else {
        local.put(p.hostPath(), pki.resolve(p.pkiFile()).toString());
      }
    }
    for (RenderedFile f : files) {
      if (f.host().equals(host.name())) {
        Path placed = root.resolve(f.path().substring(1));
        Files.createDirectories(placed.getParent());
        Files.writeString(placed, f.content());
        local.put(f.path(), placed.toString());
      }
    }
    for (String dir : List.of(HostPaths.ETCD_DATA, "/var/log/kubernetes")) {
      local.put(dir, Files.createDirectories(root.resolve(dir.substring(1))).toString());
    }
    local.put(HostPaths.AUDIT_LOG, root.resolve(HostPaths.AUDIT_LOG.substring(1)).toString());
    String unit = files.stream().filter(f -> f.host().equals(host.name()) && f.path().equals(HostPaths.unit(service)))
        .findFirst().orElseThrow(() -> new AssertionError("no rendered unit for " + service + " on " + host.name()))
        .content();
    List<String> flags = new ArrayList<>();
    for (String flag : execFlags(unit)) {
      String[] kv = flag.split("=", 2);
      String value = kv.length == 2 ? local.getOrDefault(kv[1], kv[1]) : null;
      assertThat(value == null || !value.startsWith("/") || value.startsWith(root.toString())
          || value.startsWith(pki.toString())).as("%s: host path %s is not mapped into the test root", service, flag)
          .isTrue();
      flags.add(value == null ? kv[0] : kv[0] + "=" + value);
    }
    return flags;
  }

  /** The flags of a unit's ExecStart, one per continued line. */
  static List<String> execFlags(String unit) {
    List<String> flags = new ArrayList<>();
    boolean inExec = false;
    for (String line : unit.split("\n")) {
      if (line.startsWith("ExecStart=")) {
        inExec = true;
        continue;
      }
      if (inExec) {
        flags.add(line.trim().replaceAll(" \\\\$", ""));
        inExec = line.endsWith("\\");
      }
    }
    return flags;
  }
}

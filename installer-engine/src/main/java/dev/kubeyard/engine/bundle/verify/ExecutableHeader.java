package dev.kubeyard.engine.bundle.verify;

import dev.kubeyard.engine.bundle.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the platform an executable was built for from its header: ELF (Linux) or PE (Windows). The
 * manifest can say anything; the header is what the kernel will check.
 */
final class ExecutableHeader {

  private static final Map<Integer, String> ELF_MACHINES = Map.of(
      0x03, "386", 0x28, "arm", 0x3E, "amd64", 0xB7, "arm64", 0x15, "ppc64le", 0x16, "s390x",
      0xF3, "riscv64");
  private static final Map<Integer, String> PE_MACHINES = Map.of(
      0x014C, "386", 0x8664, "amd64", 0xAA64, "arm64");

  private ExecutableHeader() {}

  /** The platform of an ELF or PE executable; empty for anything else (scripts, data, config). */
  public static Optional<Platform> platformOf(Path file) throws IOException {
    byte[] head = new byte[4096];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    ByteBuffer b = ByteBuffer.wrap(head, 0, n).order(ByteOrder.LITTLE_ENDIAN);
    if (n >= 20 && head[0] == 0x7F && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
      if (head[5] == 2) {
        b.order(ByteOrder.BIG_ENDIAN);
      }
      int machine = Short.toUnsignedInt(b.getShort(18));
      return Optional.of(new Platform("linux", ELF_MACHINES.getOrDefault(machine, "elf-machine-" + machine)));
    }
    if (n >= 0x40 && head[0] == 'M' && head[1] == 'Z') {
      int pe = b.getInt(0x3C);
      if (pe > 0 && pe + 6 <= n && head[pe] == 'P' && head[pe + 1] == 'E' && head[pe + 2] == 0
          && head[pe + 3] == 0) {
        int machine = Short.toUnsignedInt(b.getShort(pe + 4));
        return Optional.of(new Platform("windows", PE_MACHINES.getOrDefault(machine, "pe-machine-" + machine)));
      }
    }
    return Optional.empty();
  }
}

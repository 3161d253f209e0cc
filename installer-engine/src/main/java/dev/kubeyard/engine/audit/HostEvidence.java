package dev.kubeyard.engine.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link HostReading} read on one host, parsed: each file's mode and owner, each component's
 * command-line flags (from its systemd unit's ExecStart), the kubelet's config file, the encryption
 * config's provider names (never its keys) and the CA files' hashes. The rules only look things up here,
 * so they are tested against recorded host answers.
 */
public final class HostEvidence {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** A file's permission bits and owner:group as {@code stat -c '%a %U:%G'} prints them. */
  public record FileStat(String path, int mode, String owner) {
    public String show() {
      return path + " " + Integer.toOctalString(mode) + " " + owner;
    }
  }

  private final Map<String, FileStat> files = new LinkedHashMap<>();
  private final Map<String, String> contents = new LinkedHashMap<>();
  private final List<String> providers = new ArrayList<>();
  private final Map<String, String> hashes = new LinkedHashMap<>();

  /** Parses the output of {@link HostReading#script}. */
  public static HostEvidence parse(String output) {
    HostEvidence e = new HostEvidence();
    String reading = null;
    StringBuilder content = new StringBuilder();
    for (String line : output.split("\n", -1)) {
      if (reading != null) {
        if (line.equals(HostReading.END + reading)) {
          e.contents.put(reading, content.toString());
          reading = null;
          content.setLength(0);
        } else {
          content.append(line).append('\n');
        }
        continue;
      }
      String[] w = line.strip().split(" ", 4);
      if (line.startsWith(HostReading.BEGIN)) {
        reading = line.substring(HostReading.BEGIN.length());
      } else if (w[0].equals("stat") && w.length == 4) {
        e.files.put(w[3], new FileStat(w[3], Integer.parseInt(w[1], 8), w[2]));
      } else if (w[0].equals("provider") && w.length >= 2) {
        e.providers.add(w[1]);
      } else if (w[0].equals("hash") && w.length >= 3) {
        e.hashes.put(w[2], w[1]);
      }
    }
    return e;
  }

  public Optional<FileStat> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** Every file read under {@code dir} (the directory itself excluded). */
  public List<FileStat> filesUnder(String dir) {
    return files.values().stream().filter(f -> f.path().startsWith(dir + "/")).toList();
  }

  public boolean has(Component c) {
    return contents.containsKey(HostReading.unitPath(c));
  }

  /**
   * The component's flags from its unit's ExecStart, {@code --name} to value ({@code true} for a bare
   * flag); empty when the unit was not found.
   */
  public Map<String, String> flags(Component c) {
    String unit = contents.get(HostReading.unitPath(c));
    Map<String, String> flags = new LinkedHashMap<>();
    if (unit == null) {
      return flags;
    }
    int start = unit.indexOf("ExecStart=");
    if (start < 0) {
      return flags;
    }
    StringBuilder exec = new StringBuilder();
    for (String line : unit.substring(start + "ExecStart=".length()).split("\n")) {
      boolean continued = line.endsWith("\\");
      exec.append(continued ? line.substring(0, line.length() - 1) : line).append(' ');
      if (!continued) {
        break;
      }
    }
    String[] words = exec.toString().trim().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      if (!words[i].startsWith("--")) {
        continue;
      }
      int eq = words[i].indexOf('=');
      if (eq > 0) {
        flags.put(words[i].substring(0, eq), words[i].substring(eq + 1));
      } else if (i + 1 < words.length && !words[i + 1].startsWith("--")) {
        flags.put(words[i], words[++i]);
      } else {
        flags.put(words[i], "true");
      }
    }
    return flags;
  }

  /** The text of a file the reading printed (units, the kubelet's config), if it was there. */
  public Optional<String> content(String path) {
    return Optional.ofNullable(contents.get(path));
  }

  /** A field of the kubelet's config file ({@code --config}), dotted path; empty when absent. */
  public Optional<String> kubeletConfig(String dottedPath) {
    String path = flags(Component.KUBELET).get("--config");
    String text = path == null ? null : contents.get(path);
    if (text == null) {
      return Optional.empty();
    }
    try {
      JsonNode n = YAML.readTree(text);
      for (String part : dottedPath.split("\\.")) {
        n = n == null ? null : n.get(part);
      }
      if (n == null || n.isNull()) {
        return Optional.empty();
      }
      if (n.isArray()) {
        List<String> items = new ArrayList<>();
        n.forEach(x -> items.add(x.asText()));
        return Optional.of(String.join(",", items));
      }
      return Optional.of(n.asText());
    } catch (IOException e) {
      return Optional.of("unreadable: " + e.getMessage());
    }
  }

  /** The encryption config's providers in order (the first one encrypts new writes). */
  public List<String> encryptionProviders() {
    return List.copyOf(providers);
  }

  public Optional<String> sha256(String path) {
    return Optional.ofNullable(hashes.get(path));
  }
}

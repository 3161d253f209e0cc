package dev.kubeyard.esharness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.elasticsearch.common.settings.Settings;

/**
 * The entry point of the Kubeyard lab image {@code kubeyard.local/elasticsearch:VERSION}: settings
 * come from environment variables whose names contain a dot ({@code cluster.name}, {@code node.roles},
 * {@code discovery.seed_hosts}, ...), as the official image's entrypoint reads them; the heap comes
 * from {@code ES_JAVA_OPTS} (the image's start script puts it on the java command line). Home
 * {@code /usr/share/elasticsearch}, data in its {@code data} folder (the pod's volume). Unlike
 * {@link Main} there is no single-node default and no loopback binding: the pod's settings decide.
 *
 * <p>One bootstrap check is kept because a pod can fail it: {@code vm.max_map_count} at least 262144
 * (the kernel value is the host's; Kubeyard's node sysctl.d sets it, the pod has no init container).
 */
public final class ContainerMain {
  static final Path HOME = Path.of("/usr/share/elasticsearch");
  static final long MIN_MAP_COUNT = 262_144;

  private ContainerMain() {}

  public static void main(String[] args) throws Exception {
    long mapCount = mapCount(Path.of("/proc/sys/vm/max_map_count"));
    if (mapCount < MIN_MAP_COUNT) {
      System.err.println("bootstrap check failed: max virtual memory areas vm.max_map_count [" + mapCount
          + "] is too low, increase to at least [" + MIN_MAP_COUNT + "] on the node (Kubeyard's node sysctl.d sets it)");
      System.exit(78);
    }
    Settings settings = settings(System.getenv(), HOME);
    Main.run(HOME, settings);
  }

  /** The node settings from the environment, on top of the image's fixed ones. */
  static Settings settings(Map<String, String> env, Path home) {
    Settings.Builder s = Settings.builder()
        .put("path.home", home.toString())
        .put("path.data", home.resolve("data").toString())
        .put("transport.type", "netty4")
        .put("http.type", "netty4");
    new TreeMap<>(env).forEach((k, v) -> {
      if (k.contains(".") && !k.startsWith(".")) {
        s.put(k, v);
      }
    });
    return s.build();
  }

  static long mapCount(Path file) {
    try {
      // one buffered read, as Elasticsearch's own check does: sysctl files answer EOF to a read that
      // does not start at offset 0, so a byte-by-byte reader (Files.readString here) sees only "2"
      return Long.parseLong(Files.readAllLines(file).get(0).strip());
    } catch (IOException | NumberFormatException | IndexOutOfBoundsException e) {
      return -1;
    }
  }
}

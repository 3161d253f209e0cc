package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One binary the Go builders made, as tools/build-go-binaries.sh lists it in
 * $KUBEYARD_CACHE/bin/OS-ARCH.tsv: file, component, version, origin, provided commands, source.
 */
record GoArtifact(Path file, String component, String version, String origin, List<String> provides,
    Source source) {

  public static List<GoArtifact> readList(Path tsv) throws BundleException {
    List<GoArtifact> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(tsv)) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 6) {
          throw new BundleException(tsv + ": expected 6 tab-separated fields in '" + line
              + "'; run tools/build-go-binaries.sh again");
        }
        out.add(new GoArtifact(Path.of(f[0]), f[1], f[2], f[3], Arrays.asList(f[4].split(",")), Source.parse(f[5])));
      }
    } catch (IOException e) {
      throw new BundleException(tsv + " cannot be read (" + e.getMessage() + "); build the Go binaries first with"
          + " tools/build-go-binaries.sh", e);
    }
    return List.copyOf(out);
  }

  /** The command named {@code name} among artifacts, e.g. the etcd server. */
  public static GoArtifact find(List<GoArtifact> artifacts, String command) throws BundleException {
    return artifacts.stream().filter(a -> a.provides().contains(command)).findFirst()
        .orElseThrow(() -> new BundleException("the Go builders made no " + command
            + "; check tools/build-go-binaries.sh's output"));
  }
}

package dev.kubeyard.engine.bundle.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.Platform;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * What a docker-archive image tar (the format {@code docker save} writes and {@code ctr images import}
 * reads) says about itself: its tags and, from its config, the platform it runs on.
 */
record ImageArchive(List<String> repoTags, Platform platform, List<String> entrypoint) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_JSON = 1 << 20;

  public static ImageArchive read(Path tar) throws BundleException {
    Map<String, byte[]> small = new HashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tar)))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isFile() && e.getSize() <= MAX_JSON && e.getName().endsWith(".json")) {
          small.put(e.getName(), readAll(in));
        }
      }
      byte[] manifestBytes = small.get("manifest.json");
      if (manifestBytes == null) {
        throw new BundleException(tar + " has no manifest.json, so it is not a docker-archive image; "
            + "rebuild it with 'kubeyard bundle build'");
      }
      JsonNode image = JSON.readTree(manifestBytes).path(0);
      byte[] config = small.get(image.path("Config").asText());
      if (config == null) {
        throw new BundleException(tar + ": the image config '" + image.path("Config").asText()
            + "' named in its manifest.json is missing; rebuild it with 'kubeyard bundle build'");
      }
      JsonNode c = JSON.readTree(config);
      List<String> tags = new ArrayList<>();
      image.path("RepoTags").forEach(t -> tags.add(t.asText()));
      List<String> entrypoint = new ArrayList<>();
      c.path("config").path("Entrypoint").forEach(t -> entrypoint.add(t.asText()));
      return new ImageArchive(List.copyOf(tags), new Platform(c.path("os").asText("unknown"),
          c.path("architecture").asText("unknown")), List.copyOf(entrypoint));
    } catch (IOException e) {
      throw new BundleException(tar + " is not a readable image archive (" + e.getMessage()
          + "); copy the bundle again or rebuild it with 'kubeyard bundle build'", e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }
}

package dev.kubeyard.engine.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes a bundle folder's manifest.json. Unknown fields are refused, as in cluster.yaml. */
public final class ManifestJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ManifestJson() {}

  public static Path location(Path bundle) {
    return bundle.resolve(BundleManifest.FILE_NAME);
  }

  public static boolean exists(Path bundle) {
    return Files.isRegularFile(location(bundle));
  }

  /** Reads the manifest or explains, naming the file, why this folder is not a readable bundle. */
  public static BundleManifest read(Path bundle) throws BundleException {
    Path file = location(bundle);
    try {
      BundleManifest manifest = MAPPER.readValue(Files.readString(file), BundleManifest.class);
      if (!BundleManifest.FORMAT.equals(manifest.format())) {
        throw new BundleException(file + ": format '" + manifest.format() + "' is not "
            + BundleManifest.FORMAT + "; rebuild the bundle with this version of Kubeyard");
      }
      return manifest;
    } catch (NoSuchFileException e) {
      throw new BundleException(file + " is missing, so " + bundle + " is not a Kubeyard bundle; "
          + "point at the folder that holds manifest.json, or create one with 'kubeyard bundle build'");
    } catch (JsonProcessingException e) {
      throw new BundleException(file + " is not a valid bundle manifest (" + e.getOriginalMessage()
          + "); copy the bundle again from its source");
    } catch (IOException e) {
      throw new BundleException(file + " cannot be read: " + e.getMessage()
          + "; check the path and its permissions");
    }
  }

  /** Writes atomically: a reader never sees half a manifest. */
  public static void write(Path bundle, BundleManifest manifest) throws IOException {
    Path file = location(bundle);
    Path tmp = file.resolveSibling(BundleManifest.FILE_NAME + ".tmp");
    Files.writeString(tmp, toJson(manifest) + "\n");
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public static String toJson(BundleManifest manifest) {
    try {
      return MAPPER.writeValueAsString(manifest);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the bundle manifest", e);
    }
  }
}

package dev.kubeyard.engine.bundle.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.bundle.Platform;
import dev.kubeyard.engine.files.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes real OCI image layout tars for tests, as skopeo or {@code ctr images export} would: oci-layout,
 * index.json, and content-addressed blobs (one uncompressed layer holding one file, a config, a manifest).
 */
final class OciArchive {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, byte[]> blobs = new LinkedHashMap<>();
  private final List<ObjectNode> index = new ArrayList<>();

  /** An image for {@code platform} whose one layer holds {@code content}, listed with these annotations. */
  OciArchive image(Platform platform, String content, Map<String, String> annotations) throws IOException {
    ObjectNode desc = manifest(platform, content);
    ObjectNode named = desc.putObject("annotations");
    annotations.forEach(named::put);
    index.add(desc);
    return this;
  }

  /** The usual export: one image named by containerd's annotation and a tag-only ref.name. */
  OciArchive image(Platform platform, String content, String reference) throws IOException {
    return image(platform, content, Map.of("io.containerd.image.name", reference,
        "org.opencontainers.image.ref.name", reference.substring(reference.lastIndexOf(':') + 1)));
  }

  /** A manifest list (an OCI index blob) of one image per platform, named {@code reference}. */
  OciArchive list(String reference, Platform... platforms) throws IOException {
    ObjectNode list = JSON.createObjectNode().put("schemaVersion", 2)
        .put("mediaType", "application/vnd.oci.image.index.v1+json");
    ArrayNode manifests = list.putArray("manifests");
    for (Platform p : platforms) {
      ObjectNode desc = manifest(p, "for " + p);
      desc.putObject("platform").put("os", p.os()).put("architecture", p.architecture());
      manifests.add(desc);
    }
    ObjectNode desc = blob("application/vnd.oci.image.index.v1+json", JSON.writeValueAsBytes(list));
    desc.putObject("annotations").put("io.containerd.image.name", reference);
    index.add(desc);
    return this;
  }

  private ObjectNode manifest(Platform platform, String content) throws IOException {
    byte[] layer = layer(content);
    ObjectNode config = JSON.createObjectNode().put("architecture", platform.architecture()).put("os", platform.os());
    config.putObject("config").putArray("Entrypoint").add("/content");
    config.putObject("rootfs").put("type", "layers").putArray("diff_ids").add("sha256:" + sha256(layer));
    ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2)
        .put("mediaType", "application/vnd.oci.image.manifest.v1+json");
    manifest.set("config", blob("application/vnd.oci.image.config.v1+json", JSON.writeValueAsBytes(config)));
    manifest.putArray("layers").add(blob("application/vnd.oci.image.layer.v1.tar", layer));
    return blob("application/vnd.oci.image.manifest.v1+json", JSON.writeValueAsBytes(manifest));
  }

  /** The digest of the first layer blob, for tests that damage it. */
  String firstLayerDigest() {
    return blobs.entrySet().stream().filter(e -> !new String(e.getValue(), StandardCharsets.ISO_8859_1).startsWith("{"))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  /** Writes the tar; {@code flip} names a blob (hex) whose middle byte is inverted, or null. */
  Path write(Path tar, String flip) throws IOException {
    ObjectNode top = JSON.createObjectNode().put("schemaVersion", 2)
        .put("mediaType", "application/vnd.oci.image.index.v1+json");
    ArrayNode manifests = top.putArray("manifests");
    index.forEach(manifests::add);
    Files.createDirectories(tar.getParent());
    try (OutputStream file = Files.newOutputStream(tar); TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
      put(out, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
      put(out, "index.json", JSON.writeValueAsBytes(top));
      for (Map.Entry<String, byte[]> b : blobs.entrySet()) {
        byte[] bytes = b.getValue().clone();
        if (b.getKey().equals(flip)) {
          bytes[bytes.length / 2] ^= (byte) 0xFF;
        }
        put(out, "blobs/sha256/" + b.getKey(), bytes);
      }
    }
    return tar;
  }

  Path write(Path tar) throws IOException {
    return write(tar, null);
  }

  private ObjectNode blob(String mediaType, byte[] bytes) {
    String hex = sha256(bytes);
    blobs.put(hex, bytes);
    return JSON.createObjectNode().put("mediaType", mediaType).put("digest", "sha256:" + hex).put("size", bytes.length);
  }

  private static byte[] layer(String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      put(tar, "content", content.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static void put(TarArchiveOutputStream out, String name, byte[] bytes) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(bytes.length);
    e.setModTime(0);
    out.putArchiveEntry(e);
    out.write(bytes);
    out.closeArchiveEntry();
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(Sha256.digestOf(bytes));
  }
}

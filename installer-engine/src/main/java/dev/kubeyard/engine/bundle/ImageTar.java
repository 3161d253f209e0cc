package dev.kubeyard.engine.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeyard.engine.files.Sha256;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An image archive as {@code ctr images import} reads it: an OCI image layout tar (oci-layout, index.json,
 * blobs/sha256/HEX) as a site exports it, or a docker-save tar (manifest.json) as Jib and {@code docker save}
 * write it. Says which images it holds, by which names and for which platforms; read with checks, also
 * whether every blob is the one its digest names.
 */
public final class ImageTar {

  /** containerd's annotation for the full name; OCI's ref.name may be a tag only. */
  public static final String CONTAINERD_NAME = "io.containerd.image.name";
  public static final String OCI_REF_NAME = "org.opencontainers.image.ref.name";

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Entries up to this size are kept in memory: index, manifests and configs (layers may be too). */
  private static final long SMALL = 1 << 20;
  private static final Pattern DIGEST_IN_NAME = Pattern.compile("(?:^|/)(?:blobs/sha256/)?([0-9a-f]{64})(?:\\.json|\\.tar|\\.tar\\.gz)?$");

  /** A blob an image needs: its path in the tar, its digest (null if its name carries none) and size (-1: unknown). */
  public record Blob(String path, String digest, long size) {}

  /** One platform's image: the blobs it needs (manifest, config, layers) and what is missing from the tar. */
  public record Variant(String manifestDigest, List<Blob> blobs, List<String> missing) {}

  /**
   * One image the archive lists (an entry of index.json or of manifest.json).
   *
   * @param position its place in that list, for rewriting its names
   * @param references the full names it carries (containerd's annotation, a full ref.name, RepoTags)
   * @param list whether it is a manifest list (an OCI index) rather than a single image
   */
  public record Image(int position, List<String> references, Map<Platform, Variant> variants, boolean list) {}

  /** A file of the tar: its size and, when read with checks, its sha256. */
  private record Entry(long size, String sha256) {}

  private final Path tar;
  private final boolean oci;
  private final List<Image> images;
  private final Map<String, Entry> entries;
  private final Map<String, byte[]> small;

  private ImageTar(Path tar, boolean oci, List<Image> images, Map<String, Entry> entries, Map<String, byte[]> small) {
    this.tar = tar;
    this.oci = oci;
    this.images = List.copyOf(images);
    this.entries = entries;
    this.small = small;
  }

  /**
   * Reads {@code tar}; {@code hashBlobs} also hashes every entry (a full read of the archive), which
   * {@link #blobProblems} needs. The bundle's verify hashes the whole tar already and does without.
   */
  public static ImageTar read(Path tar, boolean hashBlobs) throws BundleException {
    Map<String, Entry> entries = new HashMap<>();
    Map<String, byte[]> small = new HashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tar), 1 << 16))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (!e.isFile()) {
          continue;
        }
        String name = entryName(e.getName());
        if (e.getSize() <= SMALL) {
          byte[] bytes = in.readAllBytes();
          small.put(name, bytes);
          entries.put(name, new Entry(bytes.length, hashBlobs ? Sha256.of(new ByteArrayInputStream(bytes)) : null));
        } else {
          entries.put(name, new Entry(e.getSize(), hashBlobs ? Sha256.of(in) : null));
        }
      }
    } catch (IOException e) {
      throw new BundleException(tar + " is not a readable tar (" + e.getMessage() + "); copy the archive again", e);
    }
    try {
      if (small.containsKey("index.json")) {
        return new ImageTar(tar, true, ociImages(small, entries), entries, small);
      }
      if (small.containsKey("manifest.json")) {
        return new ImageTar(tar, false, dockerImages(small), entries, small);
      }
    } catch (IOException e) {
      throw new BundleException(tar + ": its index.json or manifest.json is not valid JSON (" + e.getMessage()
          + "); export the image again", e);
    }
    throw new BundleException(tar + " has neither index.json (an OCI image layout) nor manifest.json (docker save),"
        + " so it is no image archive; export the image with 'docker save', 'skopeo copy ... oci-archive:' or"
        + " 'ctr images export'");
  }

  /** "./blobs/sha256/x" and "blobs/sha256/x" are the same entry. */
  public static String entryName(String name) {
    return name.startsWith("./") ? name.substring(2) : name;
  }

  public Path path() {
    return tar;
  }

  /** "OCI image layout" or "docker-save", for messages. */
  public String format() {
    return oci ? "OCI image layout" : "docker-save";
  }

  public boolean oci() {
    return oci;
  }

  public List<Image> images() {
    return images;
  }

  /** Every name any image of the archive carries, in the order they appear. */
  public List<String> references() {
    Set<String> out = new LinkedHashSet<>();
    images.forEach(i -> out.addAll(i.references()));
    return List.copyOf(out);
  }

  /** Every platform any image of the archive holds. */
  public Set<Platform> platforms() {
    Set<Platform> out = new LinkedHashSet<>();
    images.forEach(i -> out.addAll(i.variants().keySet()));
    return out;
  }

  /** The bytes of a small entry (index.json, manifest.json), for rewriting the archive's names. */
  public byte[] smallEntry(String name) {
    return small.get(name);
  }

  /**
   * What is wrong with the blobs of {@code variant}, and with every blob whose name is a digest: missing,
   * of another size than its descriptor says, or of another sha256 than its digest. Needs a read with hashes.
   */
  public List<String> blobProblems(Variant variant) {
    Set<String> out = new LinkedHashSet<>(variant.missing());
    entries.forEach((name, entry) -> {
      Matcher m = DIGEST_IN_NAME.matcher(name);
      if (m.find() && entry.sha256() != null && !entry.sha256().equals(m.group(1))) {
        out.add("blob " + name + " has sha256 " + entry.sha256() + ", not its digest sha256:" + m.group(1));
      }
    });
    for (Blob blob : variant.blobs()) {
      Entry entry = entries.get(blob.path());
      if (entry == null) {
        out.add("blob " + blob.path() + (blob.digest() == null ? "" : " (" + blob.digest() + ")") + " is missing");
        continue;
      }
      if (blob.size() >= 0 && entry.size() != blob.size()) {
        out.add("blob " + blob.path() + " is " + entry.size() + " bytes but its descriptor " + blob.digest()
            + " says " + blob.size());
      }
      if (blob.digest() != null && blob.digest().startsWith("sha256:") && entry.sha256() != null
          && !entry.sha256().equals(blob.digest().substring(7))) {
        out.add("blob " + blob.path() + " has sha256 " + entry.sha256() + ", not its digest " + blob.digest());
      } else if (blob.digest() != null && !blob.digest().startsWith("sha256:")) {
        out.add("blob " + blob.path() + " has digest " + blob.digest() + ", which Kubeyard cannot check (sha256 only)");
      }
    }
    return List.copyOf(out);
  }

  // --- OCI image layout -------------------------------------------------------------------------------

  private static List<Image> ociImages(Map<String, byte[]> small, Map<String, Entry> entries) throws IOException {
    JsonNode index = JSON.readTree(small.get("index.json"));
    List<Image> out = new ArrayList<>();
    int position = 0;
    for (JsonNode desc : index.path("manifests")) {
      Map<Platform, Variant> variants = new LinkedHashMap<>();
      boolean list = resolve(desc, small, entries, variants, 0);
      out.add(new Image(position++, ociNames(desc.path("annotations")), variants, list));
    }
    return out;
  }

  /** containerd's full name, else OCI's ref.name when it is a full name rather than a tag only. */
  private static List<String> ociNames(JsonNode annotations) {
    Set<String> names = new LinkedHashSet<>();
    String containerd = annotations.path(CONTAINERD_NAME).asText("");
    String ref = annotations.path(OCI_REF_NAME).asText("");
    if (!containerd.isEmpty()) {
      names.add(containerd);
    }
    if (ref.contains("/") || ref.contains(":")) {
      names.add(ref);
    }
    return List.copyOf(names);
  }

  /** Adds the platforms {@code desc} leads to; true when it is a manifest list. */
  private static boolean resolve(JsonNode desc, Map<String, byte[]> small, Map<String, Entry> entries,
      Map<Platform, Variant> out, int depth) throws IOException {
    Blob blob = ociBlob(desc);
    byte[] bytes = small.get(blob.path());
    Platform declared = desc.has("platform")
        ? new Platform(desc.path("platform").path("os").asText("unknown"),
            desc.path("platform").path("architecture").asText("unknown")) : null;
    if (bytes == null) {
      String missing = "blob " + blob.path() + " (" + blob.digest() + ") is missing"
          + (entries.containsKey(blob.path()) ? " or too large for a manifest" : "");
      out.putIfAbsent(declared != null ? declared : new Platform("unknown", "unknown"),
          new Variant(blob.digest(), List.of(blob), List.of(missing)));
      return false;
    }
    JsonNode manifest = JSON.readTree(bytes);
    if (manifest.has("manifests") && depth < 4) {
      for (JsonNode child : manifest.path("manifests")) {
        resolve(child, small, entries, out, depth + 1);
      }
      return true;
    }
    List<Blob> blobs = new ArrayList<>(List.of(blob));
    List<String> missing = new ArrayList<>();
    Blob config = ociBlob(manifest.path("config"));
    blobs.add(config);
    manifest.path("layers").forEach(l -> blobs.add(ociBlob(l)));
    byte[] configBytes = small.get(config.path());
    Platform platform = declared;
    if (configBytes != null) {
      JsonNode c = JSON.readTree(configBytes);
      platform = new Platform(c.path("os").asText("unknown"), c.path("architecture").asText("unknown"));
    } else if (platform == null) {
      platform = new Platform("unknown", "unknown");
      missing.add("blob " + config.path() + " (" + config.digest() + "), the image config, is missing");
    }
    out.putIfAbsent(platform, new Variant(blob.digest(), List.copyOf(blobs), List.copyOf(missing)));
    return false;
  }

  private static Blob ociBlob(JsonNode desc) {
    String digest = desc.path("digest").asText("");
    return new Blob("blobs/" + digest.replaceFirst(":", "/"), digest, desc.path("size").asLong(-1));
  }

  // --- docker save ------------------------------------------------------------------------------------

  private static List<Image> dockerImages(Map<String, byte[]> small) throws IOException {
    List<Image> out = new ArrayList<>();
    int position = 0;
    for (JsonNode item : JSON.readTree(small.get("manifest.json"))) {
      List<String> tags = new ArrayList<>();
      item.path("RepoTags").forEach(t -> tags.add(t.asText()));
      String configPath = entryName(item.path("Config").asText());
      byte[] config = small.get(configPath);
      List<Blob> blobs = new ArrayList<>();
      blobs.add(new Blob(configPath, digestOfName(configPath), -1));
      Platform platform = new Platform("unknown", "unknown");
      List<String> missing = new ArrayList<>();
      List<String> diffIds = new ArrayList<>();
      if (config == null) {
        missing.add("the image config " + configPath + " named in manifest.json is missing");
      } else {
        JsonNode c = JSON.readTree(config);
        platform = new Platform(c.path("os").asText("unknown"), c.path("architecture").asText("unknown"));
        c.path("rootfs").path("diff_ids").forEach(d -> diffIds.add(d.asText()));
      }
      int n = 0;
      for (JsonNode layer : item.path("Layers")) {
        String path = entryName(layer.asText());
        String named = digestOfName(path);
        // docker save's <id>/layer.tar is the uncompressed layer, whose digest the config lists as diff_id
        blobs.add(new Blob(path, named != null ? named : n < diffIds.size() ? diffIds.get(n) : null, -1));
        n++;
      }
      out.add(new Image(position++, List.copyOf(tags), Map.of(platform, new Variant(null, blobs, missing)), false));
    }
    return out;
  }

  private static String digestOfName(String path) {
    Matcher m = DIGEST_IN_NAME.matcher(path);
    return m.find() ? "sha256:" + m.group(1) : null;
  }
}

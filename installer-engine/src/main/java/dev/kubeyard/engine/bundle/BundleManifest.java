package dev.kubeyard.engine.bundle;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What manifest.json says about a bundle: the Kubernetes version it carries, the architecture of its
 * Linux hosts, every file and image with its checksum, and the links the installer makes on hosts. Entries are kept sorted by path so the same
 * inputs always give the same manifest.
 */
@JsonPropertyOrder({"format", "kubernetesVersion", "architecture", "files", "links", "images"})
public record BundleManifest(
    String format,
    String kubernetesVersion,
    String architecture,
    List<BundleFile> files,
    List<BundleLink> links,
    List<BundleImage> images) {

  /** The only format this version of Kubeyard reads and writes. */
  public static final String FORMAT = "kubeyard.dev/bundle/v1";
  public static final String FILE_NAME = "manifest.json";

  public BundleManifest {
    files = files == null ? List.of()
        : files.stream().sorted(Comparator.comparing(BundleFile::path)).toList();
    links = links == null ? List.of()
        : links.stream().sorted(Comparator.comparing(BundleLink::path)).toList();
    images = images == null ? List.of()
        : images.stream().sorted(Comparator.comparing(BundleImage::path)).toList();
  }

  public static BundleManifest empty(String kubernetesVersion, String architecture) {
    return new BundleManifest(FORMAT, kubernetesVersion, architecture, List.of(), List.of(), List.of());
  }

  /** The file that provides {@code command} on {@code platform}, if the bundle has one. */
  public Optional<BundleFile> fileProviding(String command, Platform platform) {
    return files.stream().filter(f -> f.provides(command) && f.platform().equals(platform)).findFirst();
  }

  /** Each command the bundle provides on {@code platform}, with the file that provides it. */
  public Map<String, BundleFile> commands(Platform platform) {
    Map<String, BundleFile> out = new TreeMap<>();
    files.stream().filter(f -> f.platform().equals(platform))
        .forEach(f -> f.provides().forEach(c -> out.putIfAbsent(c, f)));
    return out;
  }

  public Optional<BundleImage> image(String component, Platform platform) {
    return images.stream().filter(i -> i.component().equals(component) && i.platform().equals(platform))
        .findFirst();
  }

  /** A copy without the files {@code drop} matches and with {@code add} appended. */
  public BundleManifest replacingFiles(Predicate<BundleFile> drop, List<BundleFile> add) {
    List<BundleFile> kept = new ArrayList<>(files.stream().filter(drop.negate()).toList());
    kept.addAll(add);
    return new BundleManifest(format, kubernetesVersion, architecture, kept, links, images);
  }

  public BundleManifest withKubernetesVersion(String version) {
    return new BundleManifest(format, version, architecture, files, links, images);
  }

  public long totalSize() {
    return files.stream().mapToLong(BundleFile::size).sum()
        + images.stream().mapToLong(BundleImage::size).sum();
  }
}

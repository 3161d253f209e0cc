package dev.kubeyard.engine.bundle.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.BundleImage;
import dev.kubeyard.engine.bundle.BundleManifest;
import dev.kubeyard.engine.bundle.ImageTar;
import dev.kubeyard.engine.bundle.ManifestJson;
import dev.kubeyard.engine.bundle.Platform;
import dev.kubeyard.engine.bundle.Source;
import dev.kubeyard.engine.files.Sha256;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Adds a site's image archives (OCI image layout or docker-save tars) to a bundle: images nothing here can
 * build, such as SQL Server's (ADR 41). Each archive is checked first (every blob against its digest and
 * size, the platform against the bundle's hosts), then copied to images/ under a name like a built
 * image's, and manifest.json is rewritten last, atomically; a refused archive changes nothing.
 */
public final class ImageImport {

  /**
   * @param name the reference to import under; needed when an archive names no image or several
   * @param platform the platform the image must run on; null: linux and the bundle's host architecture
   * @param keepArchive rewrite FOLDER.tar.gz when there is one (false: remove it, it would lack the import)
   */
  public record Request(Path bundle, List<Path> archives, String name, Platform platform, boolean keepArchive,
      Consumer<String> progress) {}

  /** One archive, checked and chosen: the image in it to import, under which name, for which platform. */
  private record Checked(Path archive, ImageTar tar, ImageTar.Image image, String reference, Platform platform,
      String manifestDigest) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  /** A reference as containerd accepts it: [host[:port]/]path[:tag][@sha256:hex]. */
  private static final String REFERENCE =
      "[a-z0-9][a-z0-9._:/-]*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[0-9a-f]{64})?";

  private ImageImport() {}

  public static BundleManifest run(Request r) throws BundleException {
    BundleManifest manifest = ManifestJson.read(r.bundle());
    Platform hosts = new Platform("linux", manifest.architecture());
    Platform wanted = r.platform() != null ? r.platform() : hosts;
    if (!wanted.architecture().equals(manifest.architecture())) {
      throw new BundleException("--platform " + wanted + " does not fit this bundle, whose hosts are "
          + manifest.architecture() + "; use --platform " + hosts + " (or windows/" + manifest.architecture()
          + " for Windows workers)");
    }
    if (r.name() != null && !r.name().matches(REFERENCE)) {
      throw new BundleException("--name '" + r.name() + "' is not an image reference; use REGISTRY/REPOSITORY:TAG,"
          + " e.g. mcr.microsoft.com/mssql/server:2022-CU16-ubuntu-22.04");
    }
    if (r.name() != null && r.archives().size() > 1) {
      throw new BundleException("--name names one image, but " + r.archives().size() + " archives were given;"
          + " import them one at a time");
    }
    List<Checked> checked = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (Path archive : r.archives()) {
      r.progress().accept("checking " + archive + " (every blob's sha256)");
      try {
        checked.add(check(archive, r.name(), wanted));
      } catch (BundleException e) {
        refused.add(e.getMessage());
      }
    }
    if (!refused.isEmpty()) {
      throw new BundleException(String.join("\n", refused) + "\nnothing was imported; " + r.bundle() + " is unchanged");
    }
    return place(r, manifest, checked);
  }

  /** Reads and checks one archive, and picks the image in it: refused with every reason it has. */
  private static Checked check(Path archive, String name, Platform wanted) throws BundleException {
    ImageTar tar = ImageTar.read(archive, true);
    ImageTar.Image image = choose(tar, name);
    String reference = name != null ? name : image.references().get(0);
    ImageTar.Variant variant = image.variants().get(wanted);
    if (variant == null) {
      String held = image.variants().keySet().stream().map(Platform::toString).collect(Collectors.joining(", "));
      throw new BundleException(image.list()
          ? archive + ": the manifest list of " + reference + " holds " + held + " but no " + wanted
              + ", the platform of the bundle's hosts; export the " + wanted + " image (or all platforms) from the"
              + " site's registry"
          : archive + ": " + reference + " is a " + held + " image but the bundle's hosts need " + wanted
              + "; import the site's " + wanted + " image of " + reference + " instead");
    }
    List<String> problems = tar.blobProblems(variant);
    if (!problems.isEmpty()) {
      throw new BundleException(archive + " is damaged or altered: " + String.join("; ", problems)
          + "; export the image again from the site's registry");
    }
    return new Checked(archive, tar, image, reference, wanted, variant.manifestDigest());
  }

  /** The image {@code name} picks, or the archive's only named one; refused listing the names otherwise. */
  private static ImageTar.Image choose(ImageTar tar, String name) throws BundleException {
    List<ImageTar.Image> images = tar.images();
    if (images.isEmpty()) {
      throw new BundleException(tar.path() + " (" + tar.format() + ") lists no image; export the image again");
    }
    List<String> names = tar.references();
    if (name != null) {
      Optional<ImageTar.Image> named = images.stream().filter(i -> i.references().contains(name)).findFirst();
      if (named.isPresent()) {
        return named.get();
      }
      if (images.size() == 1) {
        return images.get(0);
      }
      throw new BundleException(tar.path() + " holds " + images.size() + " images " + names + " and none is named "
          + name + "; pass one of those names to --name");
    }
    if (names.isEmpty()) {
      throw new BundleException(tar.path() + " (" + tar.format() + ") names no image (no " + ImageTar.CONTAINERD_NAME
          + " or full " + ImageTar.OCI_REF_NAME + " annotation, no RepoTags); pass the reference to import it as with"
          + " --name REGISTRY/REPOSITORY:TAG");
    }
    if (names.size() > 1) {
      throw new BundleException(tar.path() + " holds several images: " + String.join(", ", names)
          + "; pass the one to import with --name");
    }
    return images.stream().filter(i -> i.references().contains(names.get(0))).findFirst().orElseThrow();
  }

  /** An archive copied into the bundle under a temporary name, and the entry it becomes once moved. */
  private record Staged(Path tmp, Path target, BundleImage entry) {}

  /**
   * Copies every checked archive into images/ under a temporary name first, then moves them into place,
   * then writes manifest.json (atomically), and last minds FOLDER.tar.gz. A failure before the manifest is
   * written leaves the old manifest, which still lists only what it listed.
   */
  private static BundleManifest place(Request r, BundleManifest manifest, List<Checked> checked) throws BundleException {
    List<BundleImage> images = new ArrayList<>(manifest.images());
    List<Path> temporary = new ArrayList<>();
    List<Staged> staged = new ArrayList<>();
    List<Path> superseded = new ArrayList<>();
    try {
      for (Checked c : checked) {
        Path target = r.bundle().resolve("images").resolve(archiveName(c.reference(), c.platform()));
        String path = BundleEntries.relative(r.bundle(), target);
        Optional<BundleImage> old = images.stream()
            .filter(i -> i.reference().equals(c.reference()) && i.platform().equals(c.platform())).findFirst();
        Optional<BundleImage> clash = images.stream().filter(i -> i.path().equals(path) && !old.equals(Optional.of(i)))
            .findFirst();
        if (clash.isPresent()) {
          throw new BundleException(path + " already holds " + clash.get().reference() + "; import " + c.reference()
              + " under another --name");
        }
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".import.tmp");
        temporary.add(tmp);
        copy(c, tmp);
        String sha256 = Sha256.of(tmp);
        if (old.isPresent() && old.get().sha256().equals(sha256) && Files.isRegularFile(r.bundle().resolve(old.get().path()))) {
          r.progress().accept(c.reference() + " (" + c.platform() + "): " + old.get().path() + " already holds this"
              + " archive (sha256 " + sha256 + "); nothing changed");
          continue;
        }
        BundleImage entry = new BundleImage(path, c.reference(), component(c.reference()), version(c.reference()),
            c.platform().os(), c.platform().architecture(), sha256, Files.size(tmp), Source.IMPORTED,
            "site archive " + c.archive().getFileName() + (c.manifestDigest() == null ? "" : ", manifest " + c.manifestDigest()));
        old.ifPresent(images::remove);
        images.add(entry);
        staged.add(new Staged(tmp, target, entry));
        if (old.isPresent() && !old.get().path().equals(path)) {
          superseded.add(r.bundle().resolve(old.get().path()));
        }
        r.progress().accept(c.reference() + " (" + c.platform() + ") -> " + path + " (" + c.tar().format() + ", sha256 "
            + sha256 + ")" + old.map(o -> "; replaces the earlier import, sha256 " + o.sha256()).orElse(""));
      }
      if (staged.isEmpty()) {
        return manifest;
      }
      for (Staged s : staged) {
        Files.move(s.tmp(), s.target(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      BundleManifest updated = new BundleManifest(manifest.format(), manifest.kubernetesVersion(),
          manifest.architecture(), manifest.files(), manifest.links(), images);
      ManifestJson.write(r.bundle(), updated);
      for (Path p : superseded) {
        Files.deleteIfExists(p);
      }
      mindArchive(r);
      return updated;
    } catch (IOException e) {
      throw new BundleException("cannot import into " + r.bundle() + ": " + e.getMessage()
          + "; check disk space and permissions, then import again", e);
    } finally {
      for (Path p : temporary) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // a leftover .import.tmp is listed nowhere, so verify ignores it; the next import overwrites it
        }
      }
    }
  }

  /** FOLDER.tar.gz held the bundle without the import: rewritten (as bundle build would), or removed. */
  private static void mindArchive(Request r) throws IOException {
    Path archive = ArchiveBundle.archiveOf(r.bundle());
    if (!Files.isRegularFile(archive)) {
      return;
    }
    if (r.keepArchive()) {
      r.progress().accept("rewriting " + archive + " (it held the bundle without this import)");
      ArchiveBundle.repack(r.bundle());
    } else {
      ArchiveBundle.remove(r.bundle());
      r.progress().accept("removed " + archive + ": it held the bundle without this import (--no-archive)");
    }
  }

  /**
   * A byte copy when the archive already names the image as imported; otherwise the same entries with the
   * name added to index.json (containerd's annotation) or manifest.json (RepoTags), so the nodes'
   * {@code ctr images import} names it and verify can check it.
   */
  private static void copy(Checked c, Path tmp) throws IOException {
    if (c.image().references().contains(c.reference())) {
      Files.copy(c.archive(), tmp, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    String listName = c.tar().oci() ? "index.json" : "manifest.json";
    JsonNode list = JSON.readTree(c.tar().smallEntry(listName));
    if (c.tar().oci()) {
      ObjectNode desc = (ObjectNode) list.path("manifests").get(c.image().position());
      ObjectNode annotations = desc.has("annotations") ? (ObjectNode) desc.get("annotations") : desc.putObject("annotations");
      annotations.put(ImageTar.CONTAINERD_NAME, c.reference());
      if (!annotations.has(ImageTar.OCI_REF_NAME)) {
        annotations.put(ImageTar.OCI_REF_NAME, version(c.reference()));
      }
    } else {
      ObjectNode item = (ObjectNode) list.get(c.image().position());
      ArrayNode tags = item.has("RepoTags") && item.get("RepoTags").isArray() ? (ArrayNode) item.get("RepoTags")
          : item.putArray("RepoTags");
      tags.add(c.reference());
    }
    byte[] rewritten = JSON.writeValueAsBytes(list);
    try (TarArchiveInputStream in = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(c.archive()), 1 << 16));
        OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
        TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isFile() && ImageTar.entryName(e.getName()).equals(listName)) {
          TarArchiveEntry named = new TarArchiveEntry(e.getName());
          named.setSize(rewritten.length);
          named.setModTime(e.getModTime());
          named.setMode(e.getMode());
          out.putArchiveEntry(named);
          out.write(rewritten);
        } else {
          out.putArchiveEntry(e);
          if (e.isFile()) {
            in.transferTo(out);
          }
        }
        out.closeArchiveEntry();
      }
    }
  }

  /** Like a built image's: COMPONENT-VERSION-OS-ARCH.tar, e.g. mssql-server-2022-CU16-ubuntu-22.04-linux-amd64.tar. */
  static String archiveName(String reference, Platform platform) {
    return (component(reference) + "-" + version(reference) + "-" + platform.folder()).replaceAll("[^A-Za-z0-9._-]", "-")
        + ".tar";
  }

  /** The repository path without its registry, '/' as '-': mcr.microsoft.com/mssql/server → mssql-server. */
  static String component(String reference) {
    String repository = repository(reference);
    int slash = repository.indexOf('/');
    String first = slash < 0 ? "" : repository.substring(0, slash);
    boolean registry = first.contains(".") || first.contains(":") || first.equals("localhost");
    return (registry ? repository.substring(slash + 1) : repository).replace('/', '-');
  }

  /** The tag, else the digest's first 12 hex digits, else latest (what containerd assumes). */
  static String version(String reference) {
    int at = reference.indexOf('@');
    String named = at < 0 ? reference : reference.substring(0, at);
    int colon = named.lastIndexOf(':');
    if (colon > named.lastIndexOf('/')) {
      return named.substring(colon + 1);
    }
    return at < 0 ? "latest" : "sha256-" + reference.substring(at + "@sha256:".length(), at + "@sha256:".length() + 12);
  }

  private static String repository(String reference) {
    int at = reference.indexOf('@');
    String named = at < 0 ? reference : reference.substring(0, at);
    int colon = named.lastIndexOf(':');
    return colon > named.lastIndexOf('/') ? named.substring(0, colon) : named;
  }
}

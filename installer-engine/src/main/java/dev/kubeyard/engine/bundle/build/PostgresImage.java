package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.files.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * GitLab's PostgreSQL image {@code kubeyard.local/gitlab-postgres:17} (ADR 42): Debian trixie's PostgreSQL
 * 17, Patroni 4 with its Python 3.13, and PgBouncer, unpacked from the archive through a private apt
 * configuration ({@link AptSuite}); the Patroni members and the PgBouncer pods run it with different
 * commands. Runs as the postgres user, uid 999. LLVM (PostgreSQL's JIT, off in the manifests) and the
 * locales are left out: PostgreSQL runs with C.UTF-8, which glibc has built in.
 *
 * <p>Trixie's packages hold their files under /usr only (the /bin, /lib64 links come from base-files'
 * links, which a Jib layer cannot hold), so the few paths the kernel and libc look for by their old name,
 * the ELF interpreter and /bin/sh, are added as copies.
 */
public final class PostgresImage {
  public static final String COMPONENT = dev.kubeyard.engine.bundle.BundleRequirements.GITLAB_POSTGRES_IMAGE;
  /** The tag: PostgreSQL's major version, which decides the data directory's format. */
  public static final String VERSION = "17";
  public static final String SUITE = "trixie";
  public static final String BIN_DIR = "/usr/lib/postgresql/" + VERSION + "/bin";
  static final String PYTHON = "/usr/bin/python3.13";
  static final String USER = "999:999";
  static final List<String> PACKAGES = List.of("postgresql-" + VERSION, "patroni", "pgbouncer", "dash", "bash",
      "coreutils");
  /** What apt resolves but the image needs not: LLVM for the JIT, locales, documentation helpers. */
  static final Set<String> LEFT_OUT = Set.of("libllvm19", "libz3-4", "locales", "libc-l10n", "python3-consul");
  /** Old names of files that trixie keeps under /usr: {@code /name -> usr/path}. */
  static final Map<String, String> OLD_PATHS = Map.of(
      "/lib64/ld-linux-x86-64.so.2", "usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
      "/bin/sh", "usr/bin/dash",
      "/bin/bash", "usr/bin/bash");
  static final List<String> ENTRYPOINT = List.of(PYTHON, "/usr/bin/patroni");
  static final Map<String, String> ENVIRONMENT = Map.of(
      "PATH", BIN_DIR + ":/usr/bin:/bin",
      "LANG", "C.UTF-8",
      "HOME", "/var/lib/postgresql",
      "PYTHONDONTWRITEBYTECODE", "1",
      "PYTHONUNBUFFERED", "1");
  private static final String RECIPE_REVISION = "1";
  private static final String PASSWD = "root:x:0:0:root:/root:/usr/sbin/nologin\n"
      + "postgres:x:999:999:PostgreSQL administrator:/var/lib/postgresql:/bin/sh\n";
  private static final String GROUP = "root:x:0:\npostgres:x:999:\n";

  /** The tar in the cache and what it was built from, for the manifest. */
  public record Built(Path tar, String origin) {}

  private final BundleCache cache;
  private final Consumer<String> progress;

  public PostgresImage(BundleCache cache, Consumer<String> progress) {
    this.cache = cache;
    this.progress = progress;
  }

  public static String reference() {
    return ImageRecipe.reference(COMPONENT, VERSION);
  }

  public static String archiveName() {
    return StampedImage.archiveName(COMPONENT, VERSION);
  }

  public Path tar() {
    return StampedImage.tar(cache, COMPONENT, VERSION);
  }

  /** trixie's apt folder inside the Kubeyard cache. */
  AptSuite suite() {
    return new AptSuite(SUITE, cache.root().resolve("debian/apt-" + SUITE));
  }

  /** Builds the image unless the cached tar was built from the same Debian versions and recipe. */
  public Built build() throws BundleException {
    long start = System.nanoTime();
    DebianArchive apt = DebianArchive.of(suite(), cache.debianStaging().resolve(SUITE));
    List<DebianPackage> packages = kept(apt.resolve(PACKAGES, null));
    String origin = "debian " + SUITE + ": " + packages.stream().map(DebianPackage::pinned).collect(Collectors.joining(", "));
    String inputs = inputsDigest(origin);
    Path tar = tar();
    try {
      if (StampedImage.upToDate(tar, inputs)) {
        progress.accept("image " + reference() + ": cached " + tar);
        return new Built(tar, origin);
      }
      Path work = StampedImage.emptyWorkFolder(cache, COMPONENT, VERSION);
      List<DebianTree> rootfs = new ArrayList<>();
      for (Map.Entry<DebianPackage, Path> deb : apt.download(packages, cache.debianArchives()).entrySet()) {
        Path root = cache.debianStaging().resolve(COMPONENT + "-image").resolve(deb.getKey().name());
        rootfs.add(DebianTree.unpack(apt, deb.getKey(), deb.getValue(), root));
      }
      ImageRecipe recipe = new ImageRecipe(COMPONENT, VERSION, reference(),
          List.of(withOldPaths(RootFilesystem.files(rootfs)), systemFiles(work)), ENTRYPOINT, USER, origin, ENVIRONMENT);
      StampedImage.buildAndStamp(cache, recipe, tar, inputs, start, progress);
      return new Built(tar, origin);
    } catch (IOException e) {
      throw new BundleException("cannot build the " + COMPONENT + " image: " + e.getMessage(), e);
    }
  }

  static List<DebianPackage> kept(List<DebianPackage> resolved) {
    return resolved.stream().filter(p -> !LEFT_OUT.contains(p.name())).toList();
  }

  /** The root's files plus copies at the old paths ({@link #OLD_PATHS}) of those the root has. */
  static List<ImageRecipe.ImageFile> withOldPaths(List<ImageRecipe.ImageFile> files) throws BundleException {
    Map<String, ImageRecipe.ImageFile> byTarget = new HashMap<>();
    files.forEach(f -> byTarget.put(f.target(), f));
    List<ImageRecipe.ImageFile> out = new ArrayList<>(files);
    for (Map.Entry<String, String> old : new TreeMap<>(OLD_PATHS).entrySet()) {
      ImageRecipe.ImageFile file = byTarget.get("/" + old.getValue());
      if (file == null) {
        throw new BundleException("the " + COMPONENT + " image has no /" + old.getValue() + " for " + old.getKey()
            + "; did a Debian package move it?");
      }
      if (!byTarget.containsKey(old.getKey())) {
        out.add(new ImageRecipe.ImageFile(file.source(), old.getKey(), file.executable()));
      }
    }
    return out;
  }

  /** passwd, group, nsswitch.conf, and the folders PostgreSQL writes: its home (the data volume) and /tmp. */
  private static List<ImageRecipe.ImageFile> systemFiles(Path work) throws IOException {
    Path etc = work.resolve("etc");
    StampedImage.writeAccounts(etc, PASSWD, GROUP);
    Path empty = Files.createDirectories(work.resolve("empty"));
    return List.of(new ImageRecipe.ImageFile(etc.resolve("passwd"), "/etc/passwd", false),
        new ImageRecipe.ImageFile(etc.resolve("group"), "/etc/group", false),
        new ImageRecipe.ImageFile(etc.resolve("nsswitch.conf"), "/etc/nsswitch.conf", false),
        new ImageRecipe.ImageFile(empty, "/tmp", false, "777", "0:0"),
        new ImageRecipe.ImageFile(empty, "/var/run/postgresql", false, "775", "999:999"),
        new ImageRecipe.ImageFile(empty, "/var/lib/postgresql", false, "700", "999:999"));
  }

  /** The stamp: the Debian versions and every setting of the recipe. */
  static String inputsDigest(String origin) {
    return Sha256.of(String.join("\n", RECIPE_REVISION, reference(), ENTRYPOINT.toString(),
        new TreeMap<>(ENVIRONMENT).toString(), USER, new TreeMap<>(OLD_PATHS).toString(),
        LEFT_OUT.stream().sorted().toList().toString(), origin));
  }
}

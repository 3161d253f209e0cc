package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.files.Sha256;
import dev.kubeyard.model.spec.PythonServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The platform gateway's image {@code kubeyard.local/platform-gateway:VERSION} (python-service/, ADR 30):
 * Debian 12's Python 3.11 unpacked from Debian's archive, the wheels python-service/requirements-image.txt
 * pins with their sha256, downloaded at build time, and the app, all with bytecode compiled here. No pip,
 * no shell, nothing written outside /tmp at run time; uid 10001.
 *
 * <p>Built with Jib (fixed timestamps) into {@code images/platform-gateway-VERSION-linux-amd64.tar} of the
 * Kubeyard cache. A stamp over every input (the Debian versions apt picks, the pinned hashes, the app's
 * files, this recipe) skips a build that would give the same image without reaching PyPI.
 */
public final class GatewayImage {
  public static final String COMPONENT = dev.kubeyard.engine.bundle.BundleRequirements.GATEWAY_IMAGE;
  /** The tag: the app's version (FastAPI's {@code version=} in app/main.py), which the spec's default names. */
  public static final String VERSION = PythonServiceSpec.BUNDLE_IMAGE.substring(
      PythonServiceSpec.BUNDLE_IMAGE.indexOf(':') + 1);
  static final String PYTHON = "/usr/bin/python3.11";
  static final String HOME = "/opt/gateway";
  static final String SITE_PACKAGES = HOME + "/site-packages";
  static final String USER = "10001:10001";
  static final String LOCK = "requirements-image.txt";
  /** What uvicorn serves, as python-service/Dockerfile's CMD; the interpreter by its full name (no PATH lookup). */
  static final List<String> ENTRYPOINT = List.of(PYTHON, "-m", "uvicorn", "--factory", "app.main:create_app",
      "--host", "0.0.0.0", "--port", "8000", "--no-server-header", "--timeout-graceful-shutdown", "20");
  static final Map<String, String> ENVIRONMENT = Map.of(
      "PATH", "/usr/local/bin:/usr/bin:/bin",
      "PYTHONPATH", HOME + ":" + SITE_PACKAGES,
      "PYTHONDONTWRITEBYTECODE", "1",
      "PYTHONUNBUFFERED", "1",
      "HOME", "/tmp",
      "TMPDIR", "/tmp",
      "LANG", "C.UTF-8",
      // Python's ssl module looks in /usr/lib/ssl (not in the image); httpx and urllib3 use certifi anyway.
      "SSL_CERT_FILE", SITE_PACKAGES + "/certifi/cacert.pem");
  /** apt resolves these with every dependency; only {@link #KEPT} goes into the image. */
  static final List<String> PACKAGES = List.of("python3.11-minimal", "libpython3.11-stdlib");
  /**
   * The interpreter and its standard library, and the libraries the interpreter and the extension
   * modules a web service imports load: zlib, expat (the interpreter itself), OpenSSL (ssl, hashlib),
   * libffi (ctypes), bzip2 and xz (bz2, lzma: shutil, tarfile), libuuid; libgcc_s for pydantic-core's
   * Rust code. Left out: readline, ncurses, sqlite, Berkeley DB, NIS/Kerberos, crypt (interactive or
   * legacy modules nothing here imports: their import would fail), media-types, tar, dpkg.
   */
  static final Set<String> KEPT = Set.of("python3.11-minimal", "libpython3.11-minimal", "libpython3.11-stdlib",
      "libc6", "libgcc-s1", "gcc-12-base", "zlib1g", "libexpat1", "libssl3", "libffi8", "libbz2-1.0", "liblzma5",
      "libuuid1");
  /** Raised when the steps below change in a way the inputs do not show. */
  private static final String RECIPE_REVISION = "1";
  private static final String PASSWD = "root:x:0:0:root:/root:/usr/sbin/nologin\n"
      + "gateway:x:10001:10001:platform gateway:/tmp:/usr/sbin/nologin\n";
  private static final String GROUP = "root:x:0:\ngateway:x:10001:\n";

  /** The tar in the cache and what it was built from, for the manifest. */
  public record Built(Path tar, String origin) {}

  private final BundleCache cache;
  private final Consumer<String> progress;

  public GatewayImage(BundleCache cache, Consumer<String> progress) {
    this.cache = cache;
    this.progress = progress;
  }

  public static String reference() {
    return ImageRecipe.reference(COMPONENT, VERSION);
  }

  public static String archiveName() {
    return StampedImage.archiveName(COMPONENT, VERSION);
  }

  /** Where the image is written. */
  public Path tar() {
    return StampedImage.tar(cache, COMPONENT, VERSION);
  }

  /** Builds the image from {@code pythonService} (the repo's python-service/) unless the cached tar has the same inputs. */
  public Built build(Path pythonService) throws BundleException {
    Path lock = pythonService.resolve(LOCK);
    Path app = pythonService.resolve("app");
    if (!Files.isRegularFile(lock) || !Files.isRegularFile(app.resolve("main.py"))) {
      throw new BundleException("no python-service at " + pythonService + " (needs app/main.py and " + LOCK + ")");
    }
    long start = System.nanoTime();
    try {
      DebianArchive apt = new DebianArchive(cache.debianStaging());
      List<DebianPackage> packages = apt.resolve(PACKAGES, null).stream().filter(p -> KEPT.contains(p.name())).toList();
      String debian = packages.stream().map(DebianPackage::pinned).collect(Collectors.joining(", "));
      List<Path> appFiles = sources(app);
      String origin = origin(pythonService, debian);
      String inputs = inputsDigest(origin);
      Path tar = tar();
      if (StampedImage.upToDate(tar, inputs)) {
        progress.accept(String.format(java.util.Locale.ROOT, "image %s: cached %s (inputs checked in %.1f s)",
            reference(), tar, (System.nanoTime() - start) / 1e9));
        return new Built(tar, origin);
      }
      PythonWheels.checkInterpreter();
      Path work = StampedImage.emptyWorkFolder(cache, COMPONENT, VERSION);
      ImageRecipe recipe = recipe(apt, packages, lock, app, appFiles, work, origin);
      StampedImage.buildAndStamp(cache, recipe, tar, inputs, start, progress);
      return new Built(tar, origin);
    } catch (IOException e) {
      throw new BundleException("cannot build the gateway image: " + e.getMessage(), e);
    }
  }

  private ImageRecipe recipe(DebianArchive apt, List<DebianPackage> packages, Path lock, Path app,
      List<Path> appFiles, Path work, String origin) throws BundleException, IOException {
    List<DebianTree> rootfs = new ArrayList<>();
    List<ImageRecipe.ImageFile> stdlibBytecode = new ArrayList<>();
    for (Map.Entry<DebianPackage, Path> deb : apt.download(packages, cache.debianArchives()).entrySet()) {
      Path root = cache.debianStaging().resolve("gateway-image").resolve(deb.getKey().name());
      DebianTree tree = DebianTree.unpack(apt, deb.getKey(), deb.getValue(), root);
      rootfs.add(tree);
      Path stdlib = root.resolve("usr/lib/python3.11");
      if (Files.isDirectory(stdlib)) {
        // sitecustomize.py is a link to /etc/python3.11/ (the build machine's, not this package's)
        PythonWheels.compile(stdlib, "/usr/lib/python3.11", "sitecustomize");
        stdlibBytecode.addAll(walk(stdlib, "/usr/lib/python3.11", p -> p.toString().endsWith(".pyc")));
      }
    }
    Path site = work.resolve("site-packages");
    PythonWheels.unpack(PythonWheels.download(lock, work.resolve("wheels")), site);
    PythonWheels.compile(site, SITE_PACKAGES, null);
    Path gateway = work.resolve("gateway");
    for (Path f : appFiles) {
      Path to = gateway.resolve("app").resolve(app.relativize(f).toString());
      Files.createDirectories(to.getParent());
      Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.copy(lock, gateway.resolve(LOCK));
    PythonWheels.compile(gateway, HOME, null);
    Path etc = work.resolve("etc");
    StampedImage.writeAccounts(etc, PASSWD, GROUP);
    Path empty = work.resolve("empty");
    Files.createDirectories(empty);

    List<ImageRecipe.ImageFile> system = new ArrayList<>(RootFilesystem.files(rootfs));
    system.addAll(stdlibBytecode);
    system.addAll(walk(etc, "/etc", p -> true));
    system.add(new ImageRecipe.ImageFile(empty, "/tmp", false, "777", "0:0"));
    return new ImageRecipe(COMPONENT, VERSION, reference(),
        List.of(system, walk(site, SITE_PACKAGES, p -> true), walk(gateway, HOME, p -> true)),
        ENTRYPOINT, USER, origin, ENVIRONMENT);
  }

  /**
   * What the image is made of, for the manifest and the stamp: the lock's and the app's digests and the
   * Debian versions ({@code debian}, as apt pins them).
   */
  static String origin(Path pythonService, String debian) throws IOException {
    Path app = pythonService.resolve("app");
    return "pypi:python-service/" + LOCK + " (sha256-pinned wheels, lock sha256 " + Sha256.of(pythonService.resolve(LOCK))
        + ") + python-service/app (sha256 " + treeDigest(app, sources(app)) + ") + debian:" + debian;
  }

  /** The stamp: the origin and every setting of the recipe. */
  static String inputsDigest(String origin) {
    return Sha256.of(String.join("\n", RECIPE_REVISION, reference(), ENTRYPOINT.toString(),
        new TreeMap<>(ENVIRONMENT).toString(), USER, PythonWheels.PLATFORMS.toString(), KEPT.stream().sorted().toList()
            .toString(), origin));
  }

  /** The app's sources: bytecode left by a local run and tests are not inputs. */
  static List<Path> sources(Path app) throws IOException {
    try (Stream<Path> s = Files.walk(app)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.toString().contains("__pycache__") && !p.toString().endsWith(".pyc"))
          .sorted().toList();
    }
  }

  private static String treeDigest(Path root, List<Path> files) throws IOException {
    StringBuilder all = new StringBuilder();
    for (Path f : files) {
      all.append(root.relativize(f).toString().replace('\\', '/')).append(' ').append(Sha256.of(f)).append('\n');
    }
    return Sha256.of(all.toString());
  }

  /** Regular files under {@code dir} matching {@code keep}, placed under {@code inImage}, sorted, mode 644. */
  private static List<ImageRecipe.ImageFile> walk(Path dir, String inImage, java.util.function.Predicate<Path> keep)
      throws IOException {
    Map<String, Path> files = new LinkedHashMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).filter(keep).sorted()
          .forEach(p -> files.put(inImage + "/" + dir.relativize(p).toString().replace('\\', '/'), p));
    }
    List<ImageRecipe.ImageFile> out = new ArrayList<>();
    files.forEach((target, source) -> out.add(new ImageRecipe.ImageFile(source, target, false)));
    return out;
  }
}

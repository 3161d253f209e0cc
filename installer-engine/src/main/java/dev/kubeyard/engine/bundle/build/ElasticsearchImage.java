package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.Platform;
import dev.kubeyard.engine.files.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The image {@code kubeyard.local/elasticsearch:VERSION} for the lab and air-gapped sites that bring
 * no official image: Debian 12's OpenJDK 17 headless JRE (and libc, libstdc++, zlib, bash, unpacked
 * from Debian's archive like the flannel image's root), the Elasticsearch jars from Maven Central as
 * {@code tools/es-harness} assembles them (a {@code Node} with the Netty4 plugin, no modules) and a
 * start script: JVM options from {@code ES_JAVA_OPTS}, settings from the dotted environment
 * variables the StatefulSets set (harness class {@code ContainerMain}). Runs as uid 1000.
 * Not the official distribution: no modules (painless, ingest-common, x-pack) and no bootstrap checks
 * but vm.max_map_count.
 *
 * <p>Built with Jib (fixed timestamps) into {@code images/elasticsearch-VERSION-linux-amd64.tar} of the
 * Kubeyard cache; a stamp over every input's content skips a build that would give the same image.
 */
public final class ElasticsearchImage {
  public static final String COMPONENT = "elasticsearch";
  static final String JAVA = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";
  static final String HOME = "/usr/share/elasticsearch";
  static final String START = "/usr/local/bin/kubeyard-es-start";
  /** apt resolves these with every dependency; only the packages in {@link #KEPT} go into the image. */
  static final List<String> PACKAGES = List.of("openjdk-17-jre-headless", "bash");
  /**
   * What the headless JVM and the start script load; the rest is fonts, CUPS, certificates. bash, not
   * dash: dash drops environment variables whose names are not identifiers (node.name, ...) when it
   * starts java, bash passes them on (the official image's entrypoint is bash for the same reason).
   */
  static final Set<String> KEPT = Set.of("openjdk-17-jre-headless", "bash", "libtinfo6", "libc6", "libgcc-s1",
      "gcc-12-base", "libstdc++6", "zlib1g");

  private final BundleCache cache;
  private final Consumer<String> progress;

  public ElasticsearchImage(BundleCache cache, Consumer<String> progress) {
    this.cache = cache;
    this.progress = progress;
  }

  public static String reference(String version) {
    return ImageRecipe.reference(COMPONENT, version);
  }

  /** Where the image of {@code version} is written. */
  public Path tar(String version) {
    return StampedImage.tar(cache, COMPONENT, version);
  }

  /**
   * Builds the image of {@code version} from {@code harness} (tools/es-harness/target/es-VERSION: its
   * es-harness.jar and lib/) unless the cached tar was built from the same inputs; returns the tar.
   */
  public Path build(String version, Path harness) throws BundleException {
    Path jar = harness.resolve("es-harness.jar");
    if (!Files.isRegularFile(jar) || !Files.isRegularFile(harness.resolve("lib/elasticsearch-" + version + ".jar"))) {
      throw new BundleException("no Elasticsearch " + version + " harness at " + harness + "; build it with"
          + " 'ES_VERSION=" + version + " tools/es-harness/run-es.sh build'");
    }
    try {
      Path work = cache.root().resolve("images/work").resolve(COMPONENT + "-" + version);
      Files.createDirectories(work);
      ImageRecipe recipe = recipe(version, harness, work);
      Path tar = tar(version);
      Path stamp = tar.resolveSibling(tar.getFileName() + ".inputs-sha256");
      String inputs = inputsDigest(recipe);
      if (Files.isRegularFile(tar) && Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(inputs)) {
        progress.accept("image " + recipe.reference() + ": cached " + tar);
        return tar;
      }
      long start = System.nanoTime();
      new ImageBuilder(cache.jibLayers()).build(recipe, Platform.LINUX_AMD64, tar);
      Files.writeString(stamp, inputs + "\n");
      progress.accept(String.format("image %s: built %s (%d MiB) in %.1f s", recipe.reference(), tar,
          Files.size(tar) >> 20, (System.nanoTime() - start) / 1e9));
      return tar;
    } catch (IOException e) {
      throw new BundleException("cannot build the Elasticsearch " + version + " image: " + e.getMessage(), e);
    }
  }

  private ImageRecipe recipe(String version, Path harness, Path work) throws BundleException, IOException {
    DebianArchive apt = new DebianArchive(cache.debianStaging());
    List<DebianTree> rootfs = new ArrayList<>();
    List<DebianPackage> packages = apt.resolve(PACKAGES, null).stream().filter(p -> KEPT.contains(p.name())).toList();
    for (Map.Entry<DebianPackage, Path> deb : apt.download(packages, cache.debianArchives()).entrySet()) {
      Path root = cache.debianStaging().resolve("elasticsearch-image").resolve(deb.getKey().name());
      rootfs.add(DebianTree.unpack(apt, deb.getKey(), deb.getValue(), root));
    }
    Path start = work.resolve("kubeyard-es-start");
    Files.writeString(start, startScript(), StandardCharsets.UTF_8);
    Path emptyDir = work.resolve("empty");
    Files.createDirectories(emptyDir);
    List<ImageRecipe.ImageFile> dirs = new ArrayList<>();
    dirs.add(new ImageRecipe.ImageFile(emptyDir, "/tmp", false, "777", "0:0"));
    for (String d : List.of("", "/config", "/data", "/logs", "/modules", "/plugins")) {
      dirs.add(new ImageRecipe.ImageFile(emptyDir, HOME + d, false, "775", "1000:0"));
    }
    List<ImageRecipe.ImageFile> es = new ArrayList<>();
    try (Stream<Path> libs = Files.list(harness.resolve("lib"))) {
      libs.filter(p -> p.toString().endsWith(".jar")).sorted()
          .forEach(p -> es.add(new ImageRecipe.ImageFile(p, HOME + "/lib/" + p.getFileName(), false)));
    }
    es.add(new ImageRecipe.ImageFile(harness.resolve("es-harness.jar"), HOME + "/lib/kubeyard-es-harness.jar", false));
    es.add(new ImageRecipe.ImageFile(start, START, true));
    String debian = rootfs.stream().map(t -> t.pkg().pinned()).collect(Collectors.joining(", "));
    return new ImageRecipe(COMPONENT, version, reference(version),
        List.of(RootFilesystem.files(rootfs), es, dirs), List.of("/bin/bash", START), "1000:0",
        "maven:org.elasticsearch:elasticsearch:" + version + " + tools/es-harness + debian:" + debian,
        Map.of("ES_JAVA_OPTS", "-Xms512m -Xmx512m"));
  }

  static String startScript() {
    return String.join("\n",
        "#!/bin/bash",
        "# kubeyard.local/elasticsearch: JVM options from ES_JAVA_OPTS (the heap), node settings from the",
        "# environment variables whose names contain a dot (see dev.kubeyard.esharness.ContainerMain)",
        "exec " + JAVA + " -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
            + " -Dlog4j2.formatMsgNoLookups=true -Dfile.encoding=UTF-8 $ES_JAVA_OPTS"
            + " -cp '" + HOME + "/lib/*' dev.kubeyard.esharness.ContainerMain",
        "");
  }

  /** sha256 over the recipe's targets, modes and every source file's content. */
  static String inputsDigest(ImageRecipe recipe) {
    try {
      MessageDigest md = Sha256.digest();
      md.update((recipe.reference() + "\n" + recipe.entrypoint() + "\n" + recipe.user() + "\n"
          + new java.util.TreeMap<>(recipe.environment()) + "\n").getBytes(StandardCharsets.UTF_8));
      for (List<ImageRecipe.ImageFile> layer : recipe.layers()) {
        md.update("layer\n".getBytes(StandardCharsets.UTF_8));
        for (ImageRecipe.ImageFile f : layer) {
          md.update((f.target() + " " + f.executable() + " " + f.mode() + " " + f.owner() + "\n")
              .getBytes(StandardCharsets.UTF_8));
          if (Files.isRegularFile(f.source())) {
            md.update(Sha256.of(f.source()).getBytes(StandardCharsets.UTF_8));
          }
        }
      }
      return Sha256.hex(md);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (UncheckedIOException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}

package dev.kubeyard.engine.bundle;

import dev.kubeyard.engine.bundle.build.BundleEntries;
import dev.kubeyard.engine.bundle.build.ImageBuilder;
import dev.kubeyard.engine.bundle.build.ImageRecipe;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes small bundles for tests: each command is a tiny file that starts with a real ELF or PE header
 * for its platform (all the verifier reads), and each image is a real Jib-built archive of one file.
 */
public final class TestBundle {

  private final Path dir;
  private final List<BundleFile> files = new ArrayList<>();
  private final List<BundleImage> images = new ArrayList<>();
  private final List<BundleLink> links = new ArrayList<>();
  private final String kubernetesVersion;

  public TestBundle(Path dir, String kubernetesVersion) {
    this.dir = dir;
    this.kubernetesVersion = kubernetesVersion;
  }

  public Path dir() {
    return dir;
  }

  /** A one-file executable that provides {@code command}, with a header for {@code built}. */
  public TestBundle command(String component, String version, String command, Platform listed, Platform built)
      throws IOException {
    String name = listed.isWindows() ? command + ".exe" : command;
    Path file = dir.resolve("bin/" + listed.folder() + "/" + component + "/" + name);
    Files.createDirectories(file.getParent());
    Files.write(file, built.isWindows() ? pe(built.architecture()) : elf(built.architecture()));
    files.add(BundleEntries.file(dir, file, component, version, listed, Source.GO_MODULE,
        "test " + component, List.of(command)));
    return this;
  }

  public TestBundle command(String component, String version, String command, Platform platform) throws IOException {
    return command(component, version, command, platform, platform);
  }

  /** Every command and image {@code needs} asks for, at the versions it asks for. */
  public TestBundle completeFor(BundleRequirements needs, Path imageCache) throws IOException, BundleException {
    for (Requirement r : needs.commands()) {
      command(r.command(), r.version().orElse("1.0.0"), r.command(), r.platform());
    }
    for (String component : needs.images()) {
      image(component, Platform.LINUX_AMD64, Platform.LINUX_AMD64, imageCache);
    }
    return this;
  }

  /** A real image archive listed for {@code listed} but built for {@code built}. */
  public TestBundle image(String component, Platform listed, Platform built, Path imageCache)
      throws IOException, BundleException {
    return image(component, "1.0.0", listed, built, imageCache);
  }

  /** A real linux/amd64 image archive of {@code component} at {@code version}. */
  public TestBundle image(String component, String version, Path imageCache) throws IOException, BundleException {
    return image(component, version, Platform.LINUX_AMD64, Platform.LINUX_AMD64, imageCache);
  }

  private TestBundle image(String component, String version, Platform listed, Platform built, Path imageCache)
      throws IOException, BundleException {
    Path content = Files.writeString(Files.createTempFile(imageCache.getParent(), component, ".txt"), component);
    ImageRecipe recipe = new ImageRecipe(component, version, ImageRecipe.reference(component, version),
        List.of(List.of(new ImageRecipe.ImageFile(content, "/" + component, true))), List.of("/" + component),
        "65535:65535", "test");
    Path tar = dir.resolve("images/" + recipe.archiveName(listed));
    new ImageBuilder(imageCache).build(recipe, built, tar);
    images.add(BundleEntries.image(dir, tar, recipe.reference(), component, version, listed, Source.BUILT, "test"));
    return this;
  }

  /** A link the installer would make, as the manifest records it. */
  public TestBundle link(String path, String target) {
    links.add(new BundleLink(path, target, "test", "test"));
    return this;
  }

  public Path write() throws IOException {
    ManifestJson.write(dir, new BundleManifest(BundleManifest.FORMAT, kubernetesVersion, "amd64", files, links, images));
    return dir;
  }

  /** The first bytes of an ELF64 little-endian executable for a Go architecture name. */
  public static byte[] elf(String architecture) {
    Map<String, Integer> machines = Map.of("amd64", 0x3E, "arm64", 0xB7);
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1});
    b.putShort(16, (short) 2).putShort(18, machines.get(architecture).shortValue());
    return b.array();
  }

  /** The first bytes of a PE executable (MZ stub pointing at a PE header) for amd64 or arm64. */
  public static byte[] pe(String architecture) {
    Map<String, Integer> machines = Map.of("amd64", 0x8664, "arm64", 0xAA64);
    ByteBuffer b = ByteBuffer.allocate(0x90).order(ByteOrder.LITTLE_ENDIAN);
    b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3C, 0x80);
    b.put(0x80, (byte) 'P').put(0x81, (byte) 'E').putShort(0x84, machines.get(architecture).shortValue());
    return b.array();
  }
}

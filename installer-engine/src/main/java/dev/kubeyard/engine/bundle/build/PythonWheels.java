package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The build machine's Python 3.11 and pip, used at build time only: pip downloads the gateway's wheels
 * for the image's platform (never for the build machine's), Java unpacks them, compileall writes their
 * bytecode. The image itself gets neither pip nor any way to reach PyPI.
 */
final class PythonWheels {

  /** The image's interpreter: bytecode is only valid for the minor version that wrote it. */
  static final String CACHE_TAG = "cpython-311";
  /**
   * Linux wheel tags the image accepts, best first: manylinux up to Debian 12's glibc 2.36. pip does not
   * widen a manylinux_2_X tag to the older ones, so each is listed (python-service/lock-image-wheels.sh
   * uses the same list to write the hashes).
   */
  static final List<String> PLATFORMS = List.of("manylinux_2_36_x86_64", "manylinux_2_35_x86_64",
      "manylinux_2_34_x86_64", "manylinux_2_31_x86_64", "manylinux_2_28_x86_64", "manylinux_2_27_x86_64",
      "manylinux_2_24_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64", "manylinux2010_x86_64",
      "manylinux1_x86_64");
  private static final Pattern DATA = Pattern.compile("^[^/]+\\.data/([^/]+)/(.*)$");
  private static final String HINT = "install Python 3.11 with pip on the build machine (apt-get install python3-pip;"
      + " scripts/install-deps does) and check that it reaches PyPI";

  private PythonWheels() {}

  /** Fails unless the build machine's python3 writes bytecode the image's Python 3.11 reads. */
  static void checkInterpreter() throws BundleException {
    String tag = ExternalCommand.run(List.of("python3", "-c", "import sys; print(sys.implementation.cache_tag)"),
        null, Map.of(), HINT).strip();
    if (!tag.equals(CACHE_TAG)) {
      throw new BundleException("the build machine's python3 is " + tag + " but the gateway image runs "
          + CACHE_TAG + ", and bytecode only fits its own minor version; " + HINT);
    }
  }

  /**
   * Downloads exactly the wheels {@code lock} pins with their sha256 (pip's --require-hashes), for
   * CPython 3.11 on manylinux x86_64, into {@code target}.
   */
  static List<Path> download(Path lock, Path target) throws BundleException, IOException {
    Files.createDirectories(target);
    List<String> cmd = new ArrayList<>(List.of("python3", "-m", "pip", "download", "--quiet", "--no-deps",
        "--require-hashes", "--only-binary=:all:", "--progress-bar", "off", "--disable-pip-version-check"));
    PLATFORMS.forEach(p -> cmd.addAll(List.of("--platform", p)));
    cmd.addAll(List.of("--python-version", "3.11", "--implementation", "cp", "--abi", "cp311",
        "-d", target.toString(), "-r", lock.toString()));
    ExternalCommand.run(cmd, null, Map.of(), HINT + "; after changing requirements.txt run"
        + " python-service/lock-image-wheels.sh");
    try (Stream<Path> s = Files.list(target)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".whl")).sorted().toList();
    }
  }

  /**
   * Unpacks wheels into one site-packages folder as an installer would: purelib and platlib data go to
   * the root; scripts, headers and data are left out (the image runs modules, never console scripts).
   */
  static void unpack(List<Path> wheels, Path sitePackages) throws BundleException, IOException {
    Map<String, String> owner = new HashMap<>();
    for (Path wheel : wheels) {
      String name = wheel.getFileName().toString();
      try (ZipFile zip = new ZipFile(wheel.toFile())) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
          ZipEntry e = entries.nextElement();
          if (e.isDirectory()) {
            continue;
          }
          String rel = e.getName();
          Matcher data = DATA.matcher(rel);
          if (data.matches()) {
            if (!data.group(1).equals("purelib") && !data.group(1).equals("platlib")) {
              continue;
            }
            rel = data.group(2);
          }
          Path out = sitePackages.resolve(rel).normalize();
          if (!out.startsWith(sitePackages) || rel.startsWith("/")) {
            throw new BundleException("wheel " + name + " holds " + e.getName() + ", outside site-packages");
          }
          String earlier = owner.putIfAbsent(rel, name);
          if (earlier != null) {
            throw new BundleException("wheels " + earlier + " and " + name + " both hold " + rel
                + "; pin versions that do not overlap in python-service/requirements.txt");
          }
          Files.createDirectories(out.getParent());
          try (InputStream in = zip.getInputStream(e)) {
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
  }

  /**
   * Writes {@code __pycache__/*.cpython-311.pyc} beside every module under {@code dir}, naming the
   * sources by their place {@code inImage} in tracebacks. The bytecode is unchecked-hash based
   * (PEP 552): it does not depend on file times (Jib fixes them) and is never re-validated or
   * rewritten, which a read-only root could not do anyway.
   */
  static void compile(Path dir, String inImage, String exclude) throws BundleException {
    List<String> cmd = new ArrayList<>(List.of("python3", "-m", "compileall", "-q", "-j", "2",
        "--invalidation-mode", "unchecked-hash", "-s", dir.toString(), "-p", inImage));
    if (exclude != null) {
      cmd.addAll(List.of("-x", exclude));
    }
    cmd.add(dir.toString());
    ExternalCommand.run(cmd, null, Map.of("PYTHONHASHSEED", "0", "SOURCE_DATE_EPOCH", "0"), HINT);
  }
}

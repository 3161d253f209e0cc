package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.files.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's archive as this build machine's apt sees it: resolves packages with their dependencies,
 * downloads .deb files (never installing them here) and unpacks them. Needs apt-get, apt-cache and
 * dpkg-deb, and package lists from 'apt-get update'.
 */
final class DebianArchive {

  /** "Inst libc6 (2.36-9+deb12u14 Debian:12.13/stable [amd64])" from a simulated install. */
  private static final Pattern INST = Pattern.compile("^Inst (\\S+) (?:\\[\\S+\\] )?\\((\\S+) .*\\[(\\S+)\\]\\)");
  private static final Map<String, String> APT_ENV = Map.of("LC_ALL", "C", "DEBIAN_FRONTEND", "noninteractive");
  private static final String APT_HINT = "run 'apt-get update' and check that this machine reaches Debian's archive";

  private final Path workDir;
  /** -o options of a private suite ({@link AptSuite}), none for the machine's own sources. */
  private final List<String> aptOptions;

  /** @param workDir a folder for apt's scratch files (an empty dpkg status) */
  public DebianArchive(Path workDir) {
    this(workDir, List.of());
  }

  private DebianArchive(Path workDir, List<String> aptOptions) {
    this.workDir = workDir;
    this.aptOptions = List.copyOf(aptOptions);
  }

  /** The archive of another suite through its own apt configuration, prepared (lists fetched) first. */
  static DebianArchive of(AptSuite suite, Path workDir) throws BundleException {
    suite.prepare(Path.of("/etc/apt"));
    return new DebianArchive(workDir, suite.options());
  }

  /**
   * The packages {@code names} need, each at the version apt would install, resolved by apt as if the
   * packages recorded in {@code installedStatus} (a dpkg status file) were installed, or, when it is
   * null, as if nothing were.
   */
  public List<DebianPackage> resolve(List<String> names, Path installedStatus) throws BundleException {
    return simulateInstall(names, installedStatus);
  }

  private List<DebianPackage> simulateInstall(List<String> names, Path installedStatus) throws BundleException {
    Path status = installedStatus;
    if (status == null) {
      status = workDir.resolve("empty-dpkg-status");
      try {
        Files.createDirectories(workDir);
        Files.writeString(status, "");
      } catch (IOException e) {
        throw new BundleException("cannot write " + status + ": " + e.getMessage(), e);
      }
    }
    List<String> cmd = new ArrayList<>(List.of("apt-get", "install", "--simulate", "--no-install-recommends",
        "-o", "Dir::State::status=" + status, "-o", "Debug::NoLocking=1"));
    cmd.addAll(aptOptions);
    cmd.addAll(names);
    String out = ExternalCommand.run(cmd, null, APT_ENV, APT_HINT);
    List<DebianPackage> packages = new ArrayList<>();
    for (String line : out.split("\n")) {
      Matcher m = INST.matcher(line);
      if (m.find()) {
        packages.add(new DebianPackage(m.group(1), m.group(2), m.group(3)));
      }
    }
    if (packages.isEmpty()) {
      throw new BundleException("apt resolved nothing for " + names + ":\n" + out.strip() + "\n" + APT_HINT);
    }
    return packages;
  }

  /**
   * The packages' .deb files in {@code cache}, downloading (in one apt-get call) those not already there
   * with the archive's SHA256; apt-get download itself checks what it fetches against the signed index.
   */
  public Map<DebianPackage, Path> download(List<DebianPackage> packages, Path cache) throws BundleException {
    Map<DebianPackage, Path> debs = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    Map<String, String> sha256 = archiveSha256(packages, aptOptions);
    try {
      Files.createDirectories(cache);
      for (DebianPackage p : packages) {
        Path deb = cache.resolve(p.fileName());
        debs.put(p, deb);
        if (!Files.isRegularFile(deb) || !Sha256.of(deb).equals(sha256.get(p.pinned()))) {
          missing.add(p.pinned());
        }
      }
    } catch (IOException e) {
      throw new BundleException("cannot read the .deb cache " + cache + ": " + e.getMessage(), e);
    }
    if (!missing.isEmpty()) {
      List<String> cmd = new ArrayList<>(List.of("apt-get", "download", "-o", "APT::Sandbox::User=root"));
      cmd.addAll(aptOptions);
      cmd.addAll(missing);
      ExternalCommand.run(cmd, cache, APT_ENV, APT_HINT);
    }
    for (Map.Entry<DebianPackage, Path> e : debs.entrySet()) {
      if (!Files.isRegularFile(e.getValue())) {
        throw new BundleException("apt-get download " + e.getKey().pinned() + " did not write " + e.getValue()
            + "; " + APT_HINT);
      }
    }
    return debs;
  }

  /** name=version to the SHA256 the archive index records, from one apt-cache call. */
  private static Map<String, String> archiveSha256(List<DebianPackage> packages, List<String> aptOptions)
      throws BundleException {
    List<String> cmd = new ArrayList<>(List.of("apt-cache", "show", "--no-all-versions"));
    cmd.addAll(aptOptions);
    packages.forEach(p -> cmd.add(p.pinned()));
    Map<String, String> out = new HashMap<>();
    String name = null;
    String version = null;
    for (String line : ExternalCommand.run(cmd, null, APT_ENV, APT_HINT).split("\n")) {
      if (line.startsWith("Package: ")) {
        name = line.substring(9).trim();
      } else if (line.startsWith("Version: ")) {
        version = line.substring(9).trim();
      } else if (line.startsWith("SHA256: ") && name != null) {
        out.putIfAbsent(name + "=" + version, line.substring(8).trim());
      }
    }
    return out;
  }

  /** Unpacks a .deb's files (not its maintainer scripts) into {@code target}, as dpkg-deb -x does. */
  public void unpack(Path deb, Path target) throws BundleException {
    ExternalCommand.run(List.of("dpkg-deb", "-x", deb.toString(), target.toString()), null, APT_ENV,
        "check that " + deb + " is a valid .deb (delete it to download it again)");
  }
}

package dev.kubeyard.engine.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's archive as this build machine's apt sees it: resolves packages with their dependencies,
 * downloads .deb files (never installing them here) and unpacks them. Needs apt-get, apt-cache and
 * dpkg-deb, and package lists from 'apt-get update'.
 */
public final class DebianArchive {

  /** "Inst libc6 (2.36-9+deb12u14 Debian:12.13/stable [amd64])" from a simulated install. */
  private static final Pattern INST = Pattern.compile("^Inst (\\S+) (?:\\[\\S+\\] )?\\((\\S+) .*\\[(\\S+)\\]\\)");
  private static final Map<String, String> APT_ENV = Map.of("LC_ALL", "C", "DEBIAN_FRONTEND", "noninteractive");
  private static final String APT_HINT = "run 'apt-get update' and check that this machine reaches Debian's archive";

  private final Path workDir;
  private Set<String> minimalSystem;

  /** @param workDir a folder for apt's scratch files (an empty dpkg status) */
  public DebianArchive(Path workDir) {
    this.workDir = workDir;
  }

  /**
   * The packages {@code names} need, each at the version apt would install, resolved as if nothing were
   * installed. With {@code beyondMinimalSystem} the packages every minimal Debian has (those of
   * Priority required, plus apt, with their dependencies: what debootstrap's minbase installs) are left out.
   */
  public List<DebianPackage> resolve(List<String> names, boolean beyondMinimalSystem) throws BundleException {
    List<DebianPackage> all = simulateInstall(names);
    if (!beyondMinimalSystem) {
      return all;
    }
    Set<String> minimal = minimalSystem();
    return all.stream().filter(p -> !minimal.contains(p.name()) || names.contains(p.name())).toList();
  }

  /** What a minimal Debian (debootstrap --variant=minbase) already has. */
  public Set<String> minimalSystem() throws BundleException {
    if (minimalSystem == null) {
      Set<String> required = new LinkedHashSet<>();
      String[] current = {null};
      ExternalCommand.stream(List.of("apt-cache", "dumpavail"), null, APT_ENV, APT_HINT, line -> {
        if (line.startsWith("Package: ")) {
          current[0] = line.substring(9).trim();
        } else if (line.equals("Priority: required") && current[0] != null) {
          required.add(current[0]);
        }
      });
      required.add("apt");
      Set<String> names = new LinkedHashSet<>();
      simulateInstall(List.copyOf(required)).forEach(p -> names.add(p.name()));
      minimalSystem = Set.copyOf(names);
    }
    return minimalSystem;
  }

  private List<DebianPackage> simulateInstall(List<String> names) throws BundleException {
    Path emptyStatus = workDir.resolve("empty-dpkg-status");
    try {
      Files.createDirectories(workDir);
      Files.writeString(emptyStatus, "");
    } catch (IOException e) {
      throw new BundleException("cannot write " + emptyStatus + ": " + e.getMessage(), e);
    }
    List<String> cmd = new ArrayList<>(List.of("apt-get", "install", "--simulate", "--no-install-recommends",
        "-o", "Dir::State::status=" + emptyStatus, "-o", "Debug::NoLocking=1"));
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
   * The package's .deb in {@code cache}, downloaded unless a copy with the archive's SHA256 is already
   * there (apt-get download itself checks what it fetches against the signed archive index).
   */
  public Path download(DebianPackage p, Path cache) throws BundleException {
    Path deb = cache.resolve(p.fileName());
    try {
      Files.createDirectories(cache);
      if (Files.isRegularFile(deb) && Sha256.of(deb).equals(archiveSha256(p))) {
        return deb;
      }
    } catch (IOException e) {
      throw new BundleException("cannot read " + deb + ": " + e.getMessage(), e);
    }
    ExternalCommand.run(List.of("apt-get", "download", "-o", "APT::Sandbox::User=root", p.pinned()), cache,
        APT_ENV, APT_HINT);
    if (!Files.isRegularFile(deb)) {
      throw new BundleException("apt-get download " + p.pinned() + " did not write " + deb + "; " + APT_HINT);
    }
    return deb;
  }

  private String archiveSha256(DebianPackage p) throws BundleException {
    String show = ExternalCommand.run(List.of("apt-cache", "show", p.pinned()), null, APT_ENV, APT_HINT);
    for (String line : show.split("\n")) {
      if (line.startsWith("SHA256: ")) {
        return line.substring(8).trim();
      }
    }
    return "";
  }

  /** Unpacks a .deb's files (not its maintainer scripts) into {@code target}, as dpkg-deb -x does. */
  public void unpack(Path deb, Path target) throws BundleException {
    ExternalCommand.run(List.of("dpkg-deb", "-x", deb.toString(), target.toString()), null, APT_ENV,
        "check that " + deb + " is a valid .deb (delete it to download it again)");
  }
}

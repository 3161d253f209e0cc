package dev.kubeyard.engine.bundle.build;

import dev.kubeyard.engine.bundle.BundleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Another Debian suite than the machine's (trixie for GitLab's PostgreSQL 17, ADR 42), seen through a
 * private apt configuration: its own sources list, package lists and cache under {@code dir}, passed to
 * every apt command with -o, so this machine's apt sources and lists are never changed. The mirror is the
 * one this machine's apt already uses for Debian; the archive's signature is checked with Debian's keyring.
 */
final class AptSuite {
  static final String KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg";
  /** Lists older than this are fetched again, so a download never asks for a version the archive dropped. */
  static final Duration FRESH = Duration.ofHours(12);
  private static final Map<String, String> APT_ENV = Map.of("LC_ALL", "C", "DEBIAN_FRONTEND", "noninteractive");

  private final String suite;
  private final Path dir;

  /** @param dir this suite's own apt folder (sources.list, lists/, cache/) */
  AptSuite(String suite, Path dir) {
    this.suite = suite;
    this.dir = dir;
  }

  String suite() {
    return suite;
  }

  /** The -o options that point apt at this suite alone. */
  List<String> options() {
    return List.of("-o", "Dir::Etc::SourceList=" + dir.resolve("sources.list"),
        "-o", "Dir::Etc::SourceParts=" + dir.resolve("sources.list.d"),
        "-o", "Dir::State::Lists=" + dir.resolve("lists"),
        "-o", "Dir::Cache=" + dir.resolve("cache"),
        "-o", "Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=false",
        "-o", "Debug::NoLocking=1");
  }

  /** The sources.list line for {@code mirror}. */
  String sourcesLine(String mirror) {
    return "deb [signed-by=" + KEYRING + "] " + mirror + " " + suite + " main\n";
  }

  /** Writes the configuration and runs apt-get update unless the lists are fresh. */
  void prepare(Path etcApt) throws BundleException {
    try {
      Files.createDirectories(dir.resolve("sources.list.d"));
      Files.createDirectories(dir.resolve("lists/partial"));
      Files.createDirectories(dir.resolve("cache/archives/partial"));
      String line = sourcesLine(debianMirror(etcApt).orElseThrow(() -> new BundleException(
          "no Debian archive in " + etcApt + "/sources.list(.d); the " + suite + " suite is fetched from the mirror"
              + " this machine's apt uses for Debian")));
      Path sources = dir.resolve("sources.list");
      boolean changed = !Files.isRegularFile(sources) || !Files.readString(sources).equals(line);
      Files.writeString(sources, line);
      if (changed || !fresh(dir.resolve("lists"), Instant.now())) {
        List<String> cmd = new ArrayList<>(List.of("apt-get", "update"));
        cmd.addAll(options());
        ExternalCommand.run(cmd, null, APT_ENV, "check that this machine reaches Debian's archive and that "
            + KEYRING + " (debian-archive-keyring) knows the " + suite + " signing keys");
      }
    } catch (IOException e) {
      throw new BundleException("cannot write apt's " + suite + " configuration in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Whether the lists hold a Packages index fetched within {@link #FRESH} of {@code now}. */
  static boolean fresh(Path lists, Instant now) throws IOException {
    if (!Files.isDirectory(lists)) {
      return false;
    }
    try (Stream<Path> s = Files.list(lists)) {
      return s.filter(p -> p.getFileName().toString().contains("_Packages"))
          .anyMatch(p -> modified(p).plus(FRESH).isAfter(now));
    }
  }

  private static Instant modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toInstant();
    } catch (IOException e) {
      return FileTime.fromMillis(0).toInstant();
    }
  }

  /**
   * The Debian archive's URI among this machine's apt sources (deb822 .sources and one-line .list files):
   * the first whose path ends in /debian (not debian-security, nor a third-party repository).
   */
  static Optional<String> debianMirror(Path etcApt) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isRegularFile(etcApt.resolve("sources.list"))) {
      files.add(etcApt.resolve("sources.list"));
    }
    Path parts = etcApt.resolve("sources.list.d");
    if (Files.isDirectory(parts)) {
      try (Stream<Path> s = Files.list(parts)) {
        s.filter(p -> p.toString().endsWith(".sources") || p.toString().endsWith(".list")).sorted().forEach(files::add);
      }
    }
    for (Path f : files) {
      for (String raw : Files.readAllLines(f)) {
        String line = raw.strip();
        List<String> uris = new ArrayList<>();
        if (line.startsWith("URIs:")) {
          uris.addAll(List.of(line.substring(5).strip().split("\\s+")));
        } else if (line.startsWith("deb ")) {
          String rest = line.substring(4).strip().replaceFirst("^\\[[^]]*]\\s*", "");
          uris.add(rest.split("\\s+")[0]);
        }
        for (String uri : uris) {
          if (uri.replaceAll("/+$", "").endsWith("/debian")) {
            return Optional.of(uri.replaceAll("/+$", ""));
          }
        }
      }
    }
    return Optional.empty();
  }
}

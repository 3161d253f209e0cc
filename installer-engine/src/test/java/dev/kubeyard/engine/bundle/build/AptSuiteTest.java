package dev.kubeyard.engine.bundle.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another Debian suite through a private apt configuration: the machine's mirror, never its sources. */
class AptSuiteTest {
  @TempDir
  Path tmp;

  @Test
  void theMirrorIsTheDebianArchiveOfTheMachinesDeb822SourcesNotSecurityNorAThirdParty() throws Exception {
    Path etc = Files.createDirectories(tmp.resolve("etc/sources.list.d"));
    Files.writeString(etc.resolve("a-vendor.sources"), "Types: deb\nURIs: https://vendor.example/apt\nSuites: stable\n");
    Files.writeString(etc.resolve("debian.sources"), """
        Types: deb
        URIs: http://mirror.example/debian-security
        Suites: bookworm-security

        Types: deb
        URIs: http://mirror.example/debian/
        Suites: bookworm bookworm-updates
        """);
    assertThat(AptSuite.debianMirror(tmp.resolve("etc"))).contains("http://mirror.example/debian");
  }

  @Test
  void aOneLineSourcesListWithOptionsIsReadToo() throws Exception {
    Files.createDirectories(tmp.resolve("etc"));
    Files.writeString(tmp.resolve("etc/sources.list"),
        "# comment\ndeb [arch=amd64 signed-by=/k.gpg] http://other.example/debian bookworm main\n");
    assertThat(AptSuite.debianMirror(tmp.resolve("etc"))).contains("http://other.example/debian");
    assertThat(AptSuite.debianMirror(tmp.resolve("nothing"))).isEmpty();
  }

  @Test
  void everyAptPathOfTheSuiteIsItsOwnFolderSoTheMachinesListsAndSourcesStayAsTheyAre() {
    AptSuite trixie = new AptSuite("trixie", tmp.resolve("apt-trixie"));
    assertThat(String.join(" ", trixie.options())).contains("Dir::Etc::SourceList=" + tmp.resolve("apt-trixie/sources.list"))
        .contains("Dir::Etc::SourceParts=" + tmp.resolve("apt-trixie"))
        .contains("Dir::State::Lists=" + tmp.resolve("apt-trixie/lists"))
        .contains("Dir::Cache=" + tmp.resolve("apt-trixie/cache")).doesNotContain("/etc/apt").doesNotContain("/var/lib/apt");
    assertThat(trixie.sourcesLine("http://m.example/debian"))
        .isEqualTo("deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://m.example/debian trixie main\n");
  }

  @Test
  void listsAreFetchedAgainOnceOlderThanTwelveHours() throws Exception {
    Path lists = Files.createDirectories(tmp.resolve("lists"));
    assertThat(AptSuite.fresh(lists, Instant.now())).isFalse();
    Path packages = Files.writeString(lists.resolve("m_debian_dists_trixie_main_binary-amd64_Packages.lz4"), "x");
    Instant fetched = Instant.parse("2026-12-07T06:00:00Z");
    Files.setLastModifiedTime(packages, FileTime.from(fetched));
    assertThat(AptSuite.fresh(lists, fetched.plus(Duration.ofHours(11)))).isTrue();
    assertThat(AptSuite.fresh(lists, fetched.plus(Duration.ofHours(13)))).isFalse();
  }
}

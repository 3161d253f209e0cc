package dev.kubeyard.engine.bundle.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.apps.gitlab.redis.RedisDeployment;
import dev.kubeyard.engine.bundle.BundleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitLab's Redis image from Debian's packages (ADR 43): what goes in, under which name, as whom. */
class RedisImageTest {
  @TempDir
  Path tmp;

  private static DebianPackage pkg(String name, String version) {
    return new DebianPackage(name, version, "amd64");
  }

  @Test
  void onlyWhatRedisAndTheStartScriptsLoadGoesInNotTheMaintainerScriptsTools() throws BundleException {
    List<DebianPackage> resolved = List.of(pkg("libc6", "2.36-9+deb12u14"), pkg("perl-base", "5.36.0-7+deb12u4"),
        pkg("adduser", "3.134"), pkg("libjemalloc2", "5.3.0-1"), pkg("redis-tools", "5:7.0.15-1~deb12u10"),
        pkg("redis-server", "5:7.0.15-1~deb12u10"), pkg("redis-sentinel", "5:7.0.15-1~deb12u10"), pkg("dash", "0.5.12-2"));
    assertThat(RedisImage.kept(resolved)).extracting(DebianPackage::name)
        .containsExactly("libc6", "libjemalloc2", "redis-tools", "redis-server", "redis-sentinel", "dash");
  }

  @Test
  void anotherRedisVersionFromTheArchiveIsRefusedWithWhatToDo() {
    assertThatThrownBy(() -> RedisImage.kept(List.of(pkg("redis-tools", "5:8.0.2-3"))))
        .isInstanceOf(BundleException.class).hasMessageContaining("Redis 8.0.2")
        .hasMessageContaining("bookworm").hasMessageContaining("licence");
    assertThatThrownBy(() -> RedisImage.kept(List.of(pkg("libc6", "2.36-9")))).isInstanceOf(BundleException.class)
        .hasMessageContaining("no redis-tools");
  }

  @Test
  void redisServerAndRedisSentinelAreCopiesOfTheOneBinaryAndTheImageRunsAsRedisNotRoot() throws IOException,
      BundleException {
    Path tools = tmp.resolve("redis-tools");
    Files.createDirectories(tools.resolve("usr/bin"));
    Path binary = Files.writeString(tools.resolve("usr/bin/redis-check-rdb"), "ELF");
    binary.toFile().setExecutable(true);
    DebianTree redisTools = new DebianTree(pkg("redis-tools", "5:7.0.15-1~deb12u10"), tools, List.of(binary), Map.of());
    DebianTree server = new DebianTree(pkg("redis-server", "5:7.0.15-1~deb12u10"), tmp.resolve("s"), List.of(),
        Map.of("usr/bin/redis-server", "redis-check-rdb"));
    DebianTree sentinel = new DebianTree(pkg("redis-sentinel", "5:7.0.15-1~deb12u10"), tmp.resolve("t"), List.of(),
        Map.of("usr/bin/redis-sentinel", "redis-check-rdb"));

    ImageRecipe recipe = RedisImage.recipe(List.of(redisTools, server, sentinel), Files.createDirectories(tmp.resolve("e")));

    assertThat(recipe.reference()).isEqualTo("kubeyard.local/redis:7.0.15").isEqualTo(RedisImage.reference())
        .as("what GitLab's Redis manifests name").isEqualTo(RedisDeployment.IMAGE);
    assertThat(recipe.layers().get(0)).extracting(ImageRecipe.ImageFile::target)
        .containsExactlyInAnyOrder("/usr/bin/redis-check-rdb", "/usr/bin/redis-server", "/usr/bin/redis-sentinel");
    assertThat(recipe.layers().get(0)).allSatisfy(f -> assertThat(f.source()).isEqualTo(binary));
    assertThat(recipe.layers().get(1)).extracting(f -> f.target() + " " + f.owner())
        .containsExactly("/tmp 0:0", "/data 999:999");
    assertThat(recipe.user()).isEqualTo("999:999").isEqualTo(RedisDeployment.USER + ":" + RedisDeployment.USER);
    assertThat(recipe.origin()).contains("redis-server=5:7.0.15-1~deb12u10");
  }
}

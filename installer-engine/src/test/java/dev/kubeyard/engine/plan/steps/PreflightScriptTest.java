package dev.kubeyard.engine.plan.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.HostSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The preflight script each Linux host runs as root, rendered from resources/templates/os/preflight.sh,
 * passes shellcheck (Debian's, installed by scripts/install-deps) as a POSIX sh script, for every host
 * of the example cluster on both lines.
 */
class PreflightScriptTest {

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void everyHostsPreflightScriptPassesShellcheck(String line, @TempDir Path dir) throws IOException {
    assertThat(Proc.available("shellcheck")).as("shellcheck is installed (scripts/install-deps)").isTrue();
    ClusterSpec spec = line.equals("1.14") ? Specs.legacy() : Specs.current();
    int checked = 0;
    for (HostSpec host : spec.hosts()) {
      if (host.isWindows()) {
        continue;
      }
      Path script = dir.resolve(host.name() + ".sh");
      Files.writeString(script, Preflight.script(host, ClusterFacts.of(spec).loadBalancer()) + "\n");
      Proc.Result r = Proc.run(dir, "shellcheck", "--shell=sh", "--format=gcc", script.toString());
      assertThat(r.output()).as("shellcheck on %s's preflight (exit %d)", host.name(), r.exit()).isEmpty();
      assertThat(r.exit()).isZero();
      checked++;
    }
    assertThat(checked).as("Linux hosts checked").isGreaterThanOrEqualTo(5);
  }

  @Test
  void aScriptWithAShellMistakeIsCaughtByTheSameCheck(@TempDir Path dir) throws IOException {
    Path script = dir.resolve("broken.sh");
    Files.writeString(script, "for t in $(ls /opt); do [ $t = x ] && echo \"$t\"; done\n");
    Proc.Result r = Proc.run(dir, "shellcheck", "--shell=sh", "--format=gcc", script.toString());
    assertThat(r.exit()).as(r.toString()).isNotZero();
    assertThat(r.output()).contains("SC2086");
  }
}

package dev.kubeyard.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.apps.elasticsearch.manifest.Manifest;
import dev.kubeyard.engine.apps.gitlab.postgres.PostgresDeployment;
import dev.kubeyard.engine.apps.gitlab.postgres.PostgresManifests;
import dev.kubeyard.engine.bundle.build.PostgresImage;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitLab's PostgreSQL image (ADR 42) runs in the bundle's containerd with runc as the pods run it, as its
 * postgres user: PostgreSQL 17 initialises a cluster, starts and creates the extensions GitLab needs; Patroni
 * accepts the rendered configuration; PgBouncer starts. Trixie's /usr-only layout is what this catches: a
 * missing ELF interpreter or /bin/sh fails here, not on the lab.
 */
@Tag(BuiltBundle.TAG)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresImageRunTest {
  @TempDir
  static Path tmp;

  private Containerd containerd;
  private int runs;

  @BeforeAll
  void importTheImage() throws Exception {
    Path tar = new PostgresImage(BundleCache.fromEnvironment(), System.out::println).build().tar();
    containerd = Containerd.start(tmp);
    assertThat(containerd.ctr("images", "import", tar.toString())).contains(PostgresImage.reference());
  }

  @AfterAll
  void stopContainerd() throws Exception {
    if (containerd != null) {
      containerd.close();
    }
  }

  @Test
  void postgresInitialisesStartsAndCreatesGitlabsExtensionsAsUid999() throws Exception {
    String out = run("/bin/sh", "-c", "id -u && initdb -D /tmp/d --encoding=UTF8 --locale=C.UTF-8 --data-checksums"
        + " -A trust >/dev/null && pg_ctl -D /tmp/d -w -o '-c unix_socket_directories=/tmp -c listen_addresses= -c jit=off'"
        + " -l /tmp/log start >/dev/null && psql -h /tmp -U postgres -XAtc 'CREATE EXTENSION pg_trgm; CREATE EXTENSION"
        + " btree_gist; CREATE EXTENSION amcheck; SHOW server_version' && pg_ctl -D /tmp/d -m fast stop >/dev/null");
    assertThat(out.lines().toList()).startsWith("999").contains("17.12 (Debian 17.12-0+deb13u1)");
  }

  @Test
  void patroniAcceptsTheRenderedConfigurationAndPgbouncerStarts() throws Exception {
    Manifest config = PostgresManifests.render(PostgresDeployment.of(ClusterFacts.of(Specs.current()))).stream()
        .filter(m -> m.kind().equals("ConfigMap")).findFirst().orElseThrow();
    Path yml = Files.writeString(tmp.resolve("patroni.yml"), config.object().at("/data/patroni.yml").asText());
    String out = run("--mount", "type=bind,src=" + yml + ",dst=/etc/patroni/patroni.yml,options=rbind:ro",
        "--env", "PATRONI_NAME=gitlab-postgres-0", "--env", "PATRONI_KUBERNETES_NAMESPACE=gitlab",
        "--env", "PATRONI_KUBERNETES_POD_IP=10.244.1.5", "--env", "PATRONI_POSTGRESQL_CONNECT_ADDRESS=10.244.1.5:5432",
        "--env", "PATRONI_RESTAPI_CONNECT_ADDRESS=10.244.1.5:8008", "--env", "PATRONI_SUPERUSER_PASSWORD=x",
        "--env", "PATRONI_REPLICATION_PASSWORD=y", "--env", "PATRONI_REWIND_PASSWORD=x",
        "/bin/sh", "-c", "python3.13 /usr/bin/patroni --version && python3.13 /usr/bin/patroni --validate-config"
            + " /etc/patroni/patroni.yml && echo config-valid && /usr/sbin/pgbouncer --version");
    assertThat(out).contains("patroni 4.0.7", "config-valid", "PgBouncer 1.24");
  }

  /** {@code ctr run --rm} of the image with {@code args} (ctr options first, then the command); its output. */
  private String run(String... args) throws Exception {
    String[] cmd = new String[args.length + 7];
    cmd[0] = "run";
    cmd[1] = "--rm";
    cmd[2] = "--mount";
    cmd[3] = "type=tmpfs,src=tmpfs,dst=/tmp,options=rw:size=256m";
    int split = 0;
    while (args[split].startsWith("--")) {
      split += 2;
    }
    System.arraycopy(args, 0, cmd, 4, split);
    cmd[4 + split] = PostgresImage.reference();
    cmd[5 + split] = "pg-run-" + ++runs;
    System.arraycopy(args, split, cmd, 6 + split, args.length - split);
    return containerd.ctr(java.util.Arrays.copyOf(cmd, 6 + args.length));
  }
}

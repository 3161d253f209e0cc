package dev.kubeyard.engine.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.apps.pyservice.GatewayTokens;
import dev.kubeyard.engine.bundle.build.GatewayImageTar;
import dev.kubeyard.model.spec.PythonServiceSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway image runs as the Deployment runs it, in the bundle's containerd with runc: read-only
 * root, a tmpfs on /tmp, its own network namespace with only loopback (so nothing could reach PyPI), the
 * production settings with Elasticsearch configured but down, as a fresh cluster has it.
 */
@Tag(BuiltBundle.TAG)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayImageRunTest {

  private static final String ID = "gateway";
  private static final String PYTHON = "/usr/bin/python3.11";
  private static final Map<String, String> TOKENS = GatewayTokens.generate();

  @TempDir
  static Path tmp;

  private Containerd containerd;
  private int execs;

  @BeforeAll
  void startTheGateway() throws Exception {
    containerd = Containerd.start(tmp);
    assertThat(containerd.ctr("images", "import", GatewayImageTar.get().toString()))
        .contains(PythonServiceSpec.BUNDLE_IMAGE);
    containerd.ctr("run", "--detach", "--read-only",
        "--mount", "type=tmpfs,src=tmpfs,dst=/tmp,options=rw:nosuid:nodev:noexec:size=64m",
        "--env", "ENVIRONMENT=production", "--env", "ELASTICSEARCH_URL=http://127.0.0.1:9",
        "--env", "READINESS_REQUIRED=", "--env", "API_TOKEN_HASHES=" + TOKENS.get(GatewayTokens.HASHES_KEY),
        PythonServiceSpec.BUNDLE_IMAGE, ID);
    Instant started = Instant.now();
    Instant deadline = started.plus(Duration.ofSeconds(90));
    while (!get("/healthz").startsWith("200 ")) {
      assertThat(containerd.ctr("tasks", "list")).as("the gateway stopped:\n%s", containerd.log())
          .containsPattern(ID + "\\s+\\d+\\s+RUNNING");
      assertThat(Instant.now()).as("/healthz did not answer within 90 s").isBefore(deadline);
      Thread.sleep(500);
    }
    System.out.println("the gateway answered /healthz " + Duration.between(started, Instant.now()).toMillis()
        + " ms after ctr run");
  }

  @AfterAll
  void stopContainerd() throws Exception {
    if (containerd != null) {
      containerd.run("tasks", "kill", "--signal", "SIGKILL", ID);
      containerd.run("tasks", "delete", "--force", ID);
      containerd.run("containers", "delete", ID);
      containerd.close();
    }
  }

  @Test
  void answersHealthzAndReadyzAndReportsElasticsearchDownOnlyToATokenHolder() throws Exception {
    assertThat(get("/healthz")).isEqualTo("200 {\"status\":\"ok\"}");
    assertThat(get("/readyz")).isEqualTo("200 {\"status\":\"ready\"}");
    assertThat(get("/api/status")).startsWith("401 ");
    assertThat(get("/api/status", TOKENS.get(GatewayTokens.READ))).startsWith("200 ")
        .contains("\"elasticsearch\":{\"status\":\"down\"");
  }

  @Test
  void servesMetricsOnTheInternalPortOnly() throws Exception {
    assertThat(get("/metrics")).startsWith("404 ");
    assertThat(get(":8081/metrics")).startsWith("200 ").contains("gateway_http_requests_total");
  }

  @Test
  void runsUvicornAsUid10001() throws Exception {
    String status = python("print(open('/proc/1/status').read()); print(open('/proc/1/cmdline').read())");

    assertThat(status).containsPattern("Uid:\\s+10001\\s+10001").containsPattern("Gid:\\s+10001\\s+10001")
        .contains("uvicorn");
  }

  @Test
  void writesOnlyToTmp() throws Exception {
    String out = python("""
        import errno, os
        for path in ('/opt/gateway/app/x', '/usr/lib/python3.11/x', '/tmp/x'):
            try:
                open(path, 'w').close(); print(path, 'written')
            except OSError as e:
                print(path, errno.errorcode[e.errno])
        """);

    assertThat(out).contains("/opt/gateway/app/x EROFS", "/usr/lib/python3.11/x EROFS", "/tmp/x written");
  }

  @Test
  void stopsWithinTheGracePeriodOnSigterm() throws Exception {
    // runs last by name order is not guaranteed, so it starts its own container
    containerd.ctr("run", "--detach", "--read-only", "--mount", "type=tmpfs,src=tmpfs,dst=/tmp,options=rw:size=16m",
        "--env", "ELASTICSEARCH_URL=http://127.0.0.1:9", PythonServiceSpec.BUNDLE_IMAGE, "gateway-stop");
    Thread.sleep(3000);
    containerd.ctr("tasks", "kill", "--signal", "SIGTERM", "gateway-stop");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(25));
    while (!containerd.ctr("tasks", "list").matches("(?s).*gateway-stop\\s+\\d+\\s+STOPPED.*")) {
      assertThat(Instant.now()).as("the gateway did not stop on SIGTERM").isBefore(deadline);
      Thread.sleep(200);
    }
    containerd.ctr("tasks", "delete", "gateway-stop");
    containerd.ctr("containers", "delete", "gateway-stop");
  }

  /** "STATUS BODY" of a GET from inside the container's network namespace, or "" while nothing listens. */
  private String get(String path) throws Exception {
    return get(path, "");
  }

  /** {@code path} on port 8000, or on another with {@code :port/path}; {@code token} as a bearer token unless "". */
  private String get(String path, String token) throws Exception {
    String url = "http://127.0.0.1" + (path.startsWith(":") ? path : ":8000" + path);
    return python("""
        import urllib.error, urllib.request
        try:
            headers = {'Authorization': 'Bearer %s'} if '%s' else {}
            r = urllib.request.urlopen(urllib.request.Request('%s', headers=headers), timeout=5)
        except urllib.error.HTTPError as e:
            r = e
        except OSError:
            raise SystemExit(0)
        print(r.status, r.read().decode(), end='')
        """.formatted(token, token, url)).strip();
  }

  private String python(String code) throws Exception {
    Containerd.Result r = containerd.run("tasks", "exec", "--exec-id", "probe-" + ++execs, ID, PYTHON, "-c", code);
    assertThat(r.exit()).as("python in the container:\n%s", r.output()).isZero();
    return r.output();
  }
}

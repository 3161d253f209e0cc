package dev.kubeyard.engine.bundle.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeyard.engine.bundle.BuiltBundle;
import dev.kubeyard.model.spec.PythonServiceSpec;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The gateway image's layout, read from the docker-archive tar the bundle build writes. */
@Tag(BuiltBundle.TAG)
class GatewayImageTest {

  record Entry(String path, int mode, long uid, long gid, long size, byte[] head) {}

  private static JsonNode manifest;
  private static JsonNode config;
  private static final List<Map<String, Entry>> LAYERS = new ArrayList<>();
  private static final Map<String, Entry> FILES = new LinkedHashMap<>();

  @BeforeAll
  static void readTheImage() throws IOException {
    Map<String, byte[]> blobs = new HashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new BufferedInputStream(
        Files.newInputStream(GatewayImageTar.get())))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        blobs.put(e.getName(), in.readAllBytes());
      }
    }
    ObjectMapper json = new ObjectMapper();
    manifest = json.readTree(blobs.get("manifest.json")).path(0);
    config = json.readTree(blobs.get(manifest.path("Config").asText()));
    for (JsonNode layer : manifest.path("Layers")) {
      Map<String, Entry> files = new LinkedHashMap<>();
      try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(
          new ByteArrayInputStream(blobs.get(layer.asText()))))) {
        for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          String path = "/" + e.getName().replaceFirst("^/", "").replaceFirst("/$", "");
          byte[] head = e.isFile() ? readHead(in) : new byte[0];
          files.put(path, new Entry(path, e.getMode() & 07777, e.getLongUserId(), e.getLongGroupId(), e.getSize(), head));
        }
      }
      LAYERS.add(files);
      FILES.putAll(files);
    }
  }

  private static byte[] readHead(InputStream in) throws IOException {
    byte[] head = in.readNBytes(16);
    in.transferTo(java.io.OutputStream.nullOutputStream());
    return head;
  }

  @Test
  void isTaggedAsTheSpecsDefaultImageAtTheAppsVersion() throws IOException {
    assertThat(manifest.path("RepoTags").get(0).asText()).isEqualTo(PythonServiceSpec.BUNDLE_IMAGE)
        .isEqualTo(GatewayImage.reference());
    Path main = GatewayImageTar.pythonService().resolve("app/main.py");
    Matcher version = Pattern.compile("FastAPI\\([^)]*version=\"([^\"]+)\"").matcher(Files.readString(main));
    assertThat(version.find()).as("FastAPI(..., version=...) in %s", main).isTrue();
    assertThat(version.group(1)).as("bump PythonServiceSpec.BUNDLE_IMAGE with the app's version").isEqualTo(GatewayImage.VERSION);
  }

  @Test
  void startsUvicornWithTheInterpreterAsUid10001() {
    JsonNode c = config.path("config");
    assertThat(c.path("User").asText()).isEqualTo("10001:10001");
    List<String> entrypoint = new ArrayList<>();
    c.path("Entrypoint").forEach(n -> entrypoint.add(n.asText()));
    assertThat(entrypoint).containsExactly("/usr/bin/python3.11", "-m", "uvicorn", "--factory", "app.main:create_app",
        "--host", "0.0.0.0", "--port", "8000", "--no-server-header", "--timeout-graceful-shutdown", "20");
    assertThat(c.path("Cmd").isMissingNode() || c.path("Cmd").isNull() || c.path("Cmd").isEmpty()).isTrue();
    List<String> env = new ArrayList<>();
    c.path("Env").forEach(n -> env.add(n.asText()));
    assertThat(env).contains("PYTHONDONTWRITEBYTECODE=1", "HOME=/tmp", "PYTHONPATH=/opt/gateway:/opt/gateway/site-packages");
    assertThat(config.path("architecture").asText()).isEqualTo("amd64");
    assertThat(config.path("created").asText()).startsWith("1970-01-01T00:00:00");
  }

  @Test
  void holdsTheInterpreterTheWheelsAndTheAppInLayersThatChangeLeastFirst() {
    assertThat(LAYERS).hasSize(3);
    assertThat(LAYERS.get(0)).containsKeys("/usr/bin/python3.11", "/usr/lib/python3.11/os.py",
        "/usr/lib/python3.11/asyncio/__init__.py", "/lib64/ld-linux-x86-64.so.2", "/etc/passwd", "/tmp");
    assertThat(LAYERS.get(0).keySet()).anyMatch(p -> p.matches("/usr/lib/python3.11/lib-dynload/_ssl\\.cpython-311-x86_64-linux-gnu\\.so"));
    assertThat(LAYERS.get(1)).containsKeys("/opt/gateway/site-packages/fastapi/__init__.py",
        "/opt/gateway/site-packages/uvicorn/__init__.py", "/opt/gateway/site-packages/certifi/cacert.pem");
    assertThat(LAYERS.get(1).keySet()).anyMatch(p -> p.startsWith("/opt/gateway/site-packages/pydantic_core/_pydantic_core.cpython-311"));
    assertThat(LAYERS.get(2)).containsKeys("/opt/gateway/app/main.py", "/opt/gateway/requirements-image.txt");
    assertThat(FILES.get("/usr/bin/python3.11").mode()).isEqualTo(0755);
  }

  @Test
  void carriesBytecodeForEveryModuleThatNeverNeedsRewriting() {
    for (String dir : List.of("/usr/lib/python3.11/", "/opt/gateway/site-packages/", "/opt/gateway/app/")) {
      List<String> missing = FILES.keySet().stream().filter(p -> p.startsWith(dir) && p.endsWith(".py"))
          // links in Debian's tree, copied: sysconfig's data (read by build tools) and /etc's sitecustomize
          .filter(p -> !p.endsWith("/sitecustomize.py") && !p.endsWith("/_sysconfigdata__linux_x86_64-linux-gnu.py"))
          .filter(p -> !FILES.containsKey(pyc(p))).toList();
      assertThat(missing).as("modules under %s without bytecode", dir).isEmpty();
    }
    Entry main = FILES.get(pyc("/opt/gateway/app/main.py"));
    // PEP 552 flags word: 0b01 = hash-based and not checked against the source
    assertThat(main.head()[4]).isEqualTo((byte) 1);
  }

  @Test
  void hasNoPipNoShellAndNothingTheServiceUserCanWriteButTmp() {
    assertThat(FILES.keySet()).noneMatch(p -> p.matches(".*/(pip|setuptools|ensurepip/_bundled)(/.*)?")
        || p.matches(".*/bin/pip[0-9.]*") || p.endsWith(".whl"));
    assertThat(FILES.keySet()).doesNotContain("/bin/sh", "/usr/bin/sh", "/bin/bash", "/usr/bin/bash", "/bin/dash",
        "/usr/bin/dash");
    assertThat(FILES.values()).allSatisfy(e -> assertThat(e.uid()).as(e.path()).isZero());
    assertThat(FILES.values().stream().filter(e -> (e.mode() & 0002) != 0).map(Entry::path)).containsExactly("/tmp");
  }

  @Test
  void pinsEveryWheelWithItsHashForTheRequirementsAndNothingElse() throws IOException {
    Path service = GatewayImageTar.pythonService();
    List<String> pins = Files.readAllLines(service.resolve("requirements.txt")).stream()
        .filter(l -> l.matches("^[A-Za-z].*")).map(String::strip).toList();
    List<String> locked = Files.readAllLines(service.resolve(GatewayImage.LOCK)).stream()
        .filter(l -> l.matches("^[A-Za-z].*")).toList();
    assertThat(locked).allMatch(l -> l.matches("\\S+==\\S+ --hash=sha256:[0-9a-f]{64}"));
    assertThat(locked.stream().map(l -> l.substring(0, l.indexOf(' '))).toList())
        .as("run python-service/lock-image-wheels.sh after changing requirements.txt").isEqualTo(pins);
  }

  private static String pyc(String py) {
    int slash = py.lastIndexOf('/');
    return py.substring(0, slash) + "/__pycache__/" + py.substring(slash + 1, py.length() - 3) + ".cpython-311.pyc";
  }
}

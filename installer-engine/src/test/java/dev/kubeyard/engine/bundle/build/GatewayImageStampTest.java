package dev.kubeyard.engine.bundle.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway image is rebuilt exactly when one of its inputs changes. */
class GatewayImageStampTest {

  private static final String DEBIAN = "python3.11-minimal=3.11.2-6+deb12u9";

  @TempDir
  Path service;

  private String stamp(String debian) throws Exception {
    return GatewayImage.inputsDigest(GatewayImage.origin(service, debian));
  }

  @Test
  void changesWithTheAppTheLockAndTheDebianVersionsButNotWithBytecodeLeftByALocalRun() throws Exception {
    Files.createDirectories(service.resolve("app/api"));
    Files.writeString(service.resolve("app/main.py"), "app = 1\n");
    Files.writeString(service.resolve("app/api/routes.py"), "routes = []\n");
    Files.writeString(service.resolve(GatewayImage.LOCK), "fastapi==0.165.0 --hash=sha256:" + "a".repeat(64) + "\n");
    String first = stamp(DEBIAN);

    Files.createDirectories(service.resolve("app/__pycache__"));
    Files.writeString(service.resolve("app/__pycache__/main.cpython-311.pyc"), "local bytecode");
    assertThat(stamp(DEBIAN)).isEqualTo(first);

    Files.writeString(service.resolve("app/api/routes.py"), "routes = [1]\n");
    String afterAppChange = stamp(DEBIAN);
    assertThat(afterAppChange).isNotEqualTo(first);

    Files.writeString(service.resolve(GatewayImage.LOCK), "fastapi==0.165.0 --hash=sha256:" + "b".repeat(64) + "\n");
    String afterLockChange = stamp(DEBIAN);
    assertThat(afterLockChange).isNotEqualTo(afterAppChange);

    assertThat(stamp("python3.11-minimal=3.11.2-6+deb12u10")).isNotEqualTo(afterLockChange);
    assertThat(GatewayImage.origin(service, DEBIAN)).startsWith("pypi:python-service/requirements-image.txt")
        .endsWith("debian:" + DEBIAN);
  }
}

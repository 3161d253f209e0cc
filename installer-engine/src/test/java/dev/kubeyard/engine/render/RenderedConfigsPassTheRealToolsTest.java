package dev.kubeyard.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.pki.PkiNames;
import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.model.spec.ClusterSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** haproxy, keepalived and systemd themselves accept what Kubeyard renders (installed by .ci/run). */
class RenderedConfigsPassTheRealToolsTest {
  @TempDir Path tmp;

  private static ClusterSpec spec(String line) {
    return line.equals("1.14") ? Specs.legacy() : Specs.current();
  }

  private static RenderedFile file(List<RenderedFile> files, String host, String path) {
    return files.stream().filter(f -> f.host().equals(host) && f.path().equals(path)).findFirst().orElseThrow();
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void haproxyAcceptsTheRenderedLoadBalancerConfigWithItsHealthCheckCertificateAndKey(String line) throws IOException {
    List<RenderedFile> files = ClusterRenderer.render(Specs.context(spec(line)));
    Path ca = tmp.resolve("ca.pem");
    Path client = tmp.resolve("lb.pem");
    // the client key where haproxy looks for it (crt + ".key"), as the plan places it on the lb hosts
    for (String command : List.of(
        "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca-key.pem -out ca.pem -subj /CN=test-ca -days 1",
        "openssl req -newkey rsa:2048 -nodes -keyout lb.pem.key -out lb.csr -subj /CN=kubeyard:lb-healthcheck",
        "openssl x509 -req -in lb.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out lb.pem -days 1")) {
      Proc.Result made = Proc.run(tmp, command.split(" "));
      assertThat(made.exit()).as(made.toString()).isZero();
    }
    String cfg = file(files, "lb1", "/etc/haproxy/haproxy.cfg").content()
        .replace(HostPaths.ssl("ca"), ca.toString())
        .replace(HostPaths.ssl(PkiNames.LB_HEALTHCHECK_CLIENT), client.toString());
    assertThat(cfg).contains("option httpchk GET " + (line.equals("1.14") ? "/healthz" : "/readyz"));
    Path path = Files.writeString(tmp.resolve("haproxy.cfg"), cfg);
    Proc.Result r = Proc.run(tmp, "haproxy", "-c", "-f", path.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.output()).contains("Configuration file is valid");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"lb1", "lb2"})
  void keepalivedAcceptsTheRenderedVrrpConfig(String host) throws IOException {
    List<RenderedFile> files = ClusterRenderer.render(Specs.context(Specs.current()));
    Path script = tmp.resolve("check-haproxy.sh");
    Files.writeString(script, file(files, host, LoadBalancerFiles.CHECK_SCRIPT).content());
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    String conf = file(files, host, "/etc/keepalived/keepalived.conf").content()
        .replace(LoadBalancerFiles.CHECK_SCRIPT, script.toString());
    Path path = Files.writeString(tmp.resolve("keepalived.conf"), conf);
    Proc.Result r = Proc.run(tmp, "keepalived", "--config-test", "-f", path.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.output()).doesNotContainIgnoringCase("unknown keyword");
  }

  @ParameterizedTest(name = "Kubernetes {0}")
  @ValueSource(strings = {"1.14", "1.35"})
  void systemdVerifiesEveryRenderedUnit(String line) throws IOException {
    Path root = tmp.resolve("root");
    Proc.Result copied = Proc.run(tmp, "sh", "-c", "mkdir -p root/usr/lib/systemd root/etc/systemd/system "
        + "root" + HostPaths.BIN + " && cp -a /usr/lib/systemd/system root/usr/lib/systemd/");
    assertThat(copied.exit()).as(copied.toString()).isZero();
    for (String binary : List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubelet",
        "kube-proxy", "containerd", "dockerd", "haproxy", "keepalived")) {
      Path b = Files.writeString(root.resolve(HostPaths.BIN.substring(1)).resolve(binary), "#!/bin/sh\n");
      Files.setPosixFilePermissions(b, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path kill = Files.writeString(Files.createDirectories(root.resolve("bin")).resolve("kill"), "#!/bin/sh\n"); // procps, on every host
    Files.setPosixFilePermissions(kill, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<RenderedFile> units = ClusterRenderer.render(Specs.context(spec(line))).stream()
        .filter(f -> f.path().endsWith(".service")).toList();
    assertThat(units).hasSizeGreaterThan(10);
    for (RenderedFile unit : units) {
      Path target = root.resolve(unit.path().substring(1));
      Files.writeString(target, unit.content());
      Proc.Result r = Proc.run(tmp, "systemd-analyze", "verify", "--root=" + root, unit.path());
      assertThat(r.exit()).as(unit.host() + ":" + unit.path() + "\n" + r).isZero();
      assertThat(r.output()).as(unit.host() + ":" + unit.path()).isEmpty();
    }
  }
}

package dev.kubeyard.engine.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.testing.Proc;
import dev.kubeyard.model.spec.OsFamily;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The POSIX shell's quoting and wrapping, run through the real sh, and its commands as sent (the ledger's: ADR 46). */
class PosixShellTest {
  private static final HostShell SH = HostShell.of(OsFamily.LINUX);

  private static String sh(String script) {
    Proc.Result r = Proc.run(null, "sh", "-c", script);
    assertThat(r.exit()).as(r.toString()).isZero();
    return r.output();
  }

  @Test
  void quotingPassesEveryCharacterThroughTheShellUnchanged() {
    for (String s : List.of("plain", "it's", "a b", "$HOME `id` \"q\" \\ ;|&*?", "two\nlines", "''")) {
      assertThat(sh("printf %s " + SH.quote(s))).isEqualTo(s);
    }
    assertThat(SH.quote("it's")).isEqualTo("'it'\\''s'");
  }

  @Test
  void theDeployerClockIsExportedToTheCommandAndWhatItStarts() {
    String script = SH.withEnvironment("KUBEYARD_DEPLOYER_EPOCH", "1765000000", "sh -c 'echo $KUBEYARD_DEPLOYER_EPOCH'");
    assertThat(script).isEqualTo("KUBEYARD_DEPLOYER_EPOCH=1765000000; export KUBEYARD_DEPLOYER_EPOCH; sh -c 'echo $KUBEYARD_DEPLOYER_EPOCH'");
    assertThat(sh(script)).isEqualTo("1765000000\n");
  }

  @Test
  void anEnvironmentValueThatIsNotOneWordIsQuoted() {
    assertThat(sh(SH.withEnvironment("VALUE", "a b'c $x", "printf %s \"$VALUE\""))).isEqualTo("a b'c $x");
  }

  @Test
  void aCommandReportsItsShellsPidFirstThenMergesStderrIntoStdout() {
    String out = sh(SH.reportingPid("kubeyard-pid ", "echo $$; echo err >&2; echo out"));
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo("kubeyard-pid " + lines.get(1));
    assertThat(lines.subList(2, 4)).containsExactly("err", "out");
    assertThat(SH.commandLine("echo x")).as("sshd hands it to the login shell as it is").isEqualTo("echo x");
  }

  @Test
  void theLinuxChecksAndServiceCommandsAreTheOnesKubeyardAlwaysSent() {
    String sha = "ab".repeat(32);
    assertThat(SH.check(List.of(SH.fileIs("/etc/kubernetes/a.conf", sha, 0644), SH.serviceActive("etcd"),
        SH.contentIs("/etc/ssl/ca.pem", sha), SH.succeeds("test -e /x"))))
        .isEqualTo("{ { [ -z \"$KUBEYARD_VERIFY\" ] && grep -qxF '/etc/kubernetes/a.conf|" + sha + "|'\"$(stat -c '%i %s %z'"
            + " '/etc/kubernetes/a.conf' 2>/dev/null)\"'|644' \"${KUBEYARD_STATE_ROOT:-}/var/lib/kubeyard/placed\" 2>/dev/null; }"
            + " || { echo '" + sha + "  /etc/kubernetes/a.conf' | sha256sum -c --status && [ \"$(stat -c %a /etc/kubernetes/a.conf)\" = \"644\" ]; }; }"
            + " && systemctl is-active --quiet etcd"
            + " && { { [ -z \"$KUBEYARD_VERIFY\" ] && grep -qxF '/etc/ssl/ca.pem|" + sha + "|'\"$(stat -c '%i %s %z|%a' '/etc/ssl/ca.pem'"
            + " 2>/dev/null)\" \"${KUBEYARD_STATE_ROOT:-}/var/lib/kubeyard/placed\" 2>/dev/null; }"
            + " || echo '" + sha + "  /etc/ssl/ca.pem' | sha256sum -c --status; }"
            + " && { test -e /x; }");
    assertThat(SH.check(List.of())).isEqualTo("false");
    assertThat(SH.startServices(List.of("kubelet", "kube-proxy")))
        .isEqualTo("systemctl daemon-reload && systemctl enable kubelet kube-proxy && systemctl restart kubelet kube-proxy");
    assertThat(SH.noneLeft(List.of("/a b"), List.of("etcd")))
        .isEqualTo("for f in '/a b'; do [ -e \"$f\" ] && exit 1; done; for s in etcd; do systemctl is-active --quiet $s && exit 1; done; exit 0");
    String forget = "rm -rf \"${KUBEYARD_STATE_ROOT:-}/var/lib/kubeyard/placed\" \"${KUBEYARD_STATE_ROOT:-}/run/kubeyard/changed\"";
    assertThat(SH.stopAndRemove(List.of("etcd"), List.of("/a")))
        .isEqualTo("systemctl disable --now etcd 2>/dev/null; rm -f '/a'; " + forget + "; systemctl daemon-reload");
    assertThat(SH.stopAndRemove(List.of(), List.of("/a"))).isEqualTo("rm -f '/a'; " + forget);
    assertThat(SH.stopTree(42)).isEqualTo("kill -TERM -- -42 2>/dev/null; sleep 1; kill -KILL -- -42 2>/dev/null; true");
    assertThat(SH.printHashes(List.of("/a", "/b"))).isEqualTo("sha256sum '/a' '/b' 2>/dev/null; true");
  }

  @Test
  void anUploadIsTheScriptKubeyardAlwaysSent() {
    String sha = "cd".repeat(32);
    FileUpload u = FileUpload.beside("/etc/kubernetes/ssl/ca-key.pem", sha, 0600, false, "5eed");
    String q = "'/etc/kubernetes/ssl/.kubeyard-ca-key.pem.5eed.tmp'";
    assertThat(SH.upload(u)).isEqualTo("mkdir -p '/etc/kubernetes/ssl' && { (umask 077 && cat > " + q + ") || { rm -f " + q + "; exit 98; }; }"
        + " && if echo '" + sha + "  /etc/kubernetes/ssl/.kubeyard-ca-key.pem.5eed.tmp' | sha256sum -c --status; then"
        + " chmod 0600 " + q + " && mv -f " + q + " '/etc/kubernetes/ssl/ca-key.pem'"
        + " && { mkdir -p \"$(dirname \"${KUBEYARD_STATE_ROOT:-}/var/lib/kubeyard/placed\")\""
        + " && { awk -F'|' -v p='/etc/kubernetes/ssl/ca-key.pem' '$1 != p' \"${KUBEYARD_STATE_ROOT:-}/var/lib/kubeyard/placed\" 2>/dev/null;"
        + " echo '/etc/kubernetes/ssl/ca-key.pem|" + sha + "|'\"$(stat -c '%i %s %z|%a' '/etc/kubernetes/ssl/ca-key.pem')\"; }"
        + " > \"${KUBEYARD_STATE_ROOT:-}/var/lib/kubeyard/placed\".$$ && mv -f \"${KUBEYARD_STATE_ROOT:-}/var/lib/kubeyard/placed\".$$"
        + " \"${KUBEYARD_STATE_ROOT:-}/var/lib/kubeyard/placed\" || true; };"
        + " else echo \"sha256 mismatch: expected " + sha + ", found $(sha256sum < " + q + " | cut -d' ' -f1)\"; rm -f " + q + ";"
        + " exit 97; fi");
  }

  @Test
  void anUploadsTempFileLivesBesideItsTarget() {
    assertThat(FileUpload.beside("/etc/a.conf", "0".repeat(64), 0644, false, "1").temp()).isEqualTo("/etc/.kubeyard-a.conf.1.tmp");
    assertThat(FileUpload.beside("/etc/a.conf", "0".repeat(64), 0644, false, "1").directory()).isEqualTo("/etc");
    assertThat(FileUpload.beside("/a.conf", "0".repeat(64), 0644, false, "1").directory()).isEqualTo("/");
    assertThat(FileUpload.beside("C:/k/a.conf", "0".repeat(64), 0644, false, "1").directory()).isEqualTo("C:/k");
    assertThat(FileUpload.beside("C:/a.conf", "0".repeat(64), 0644, false, "1").directory()).isEqualTo("C:/");
  }
}

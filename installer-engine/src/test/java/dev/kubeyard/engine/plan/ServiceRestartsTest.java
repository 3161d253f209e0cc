package dev.kubeyard.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.shell.ThisMachineAsHost;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step restarts or reloads only the services whose inputs changed: the load balancer's step, built by
 * {@link StepBuilder} as the plan builds it, applied by the real sh on this machine with a stand-in systemctl.
 */
class ServiceRestartsTest {
  @TempDir Path root;
  ThisMachineAsHost host;
  Map<String, String> files = new LinkedHashMap<>();
  String haproxyUnit;
  String haproxyCfg;
  String keepalivedUnit;
  String keepalivedConf;

  @BeforeEach
  void firstInstall() throws Exception {
    host = new ThisMachineAsHost(root);
    haproxyUnit = root + "/etc/systemd/system/haproxy.service";
    haproxyCfg = root + "/etc/haproxy/haproxy.cfg";
    keepalivedUnit = root + "/etc/systemd/system/keepalived.service";
    keepalivedConf = root + "/etc/keepalived/keepalived.conf";
    files.put(haproxyUnit, "[Service]\nExecStart=haproxy\n");
    files.put(haproxyCfg, "frontend api\n");
    files.put(keepalivedUnit, "[Service]\nExecStart=keepalived\n");
    files.put(keepalivedConf, "vrrp_instance VI_1 {}\n");
    apply(step());
    assertThat(host.systemctlActions()).as("the first install starts both")
        .containsExactly("daemon-reload", "enable haproxy keepalived", "restart haproxy", "restart keepalived");
    host.running("haproxy");
    host.running("keepalived");
    host.forgetCalls();
  }

  private Step step() {
    StepBuilder b = new StepBuilder("start-load-balancer", Phase.LOAD_BALANCER, "lb1", "start haproxy and keepalived");
    files.forEach((path, content) -> b.put(path, "files/lb1" + path, ThisMachineAsHost.sha256(content), 0644));
    return b.services("haproxy", "keepalived")
        .restartOn("haproxy", haproxyUnit).reloadOn("haproxy", root + "/etc/haproxy/")
        .restartOn("keepalived", keepalivedUnit).reloadOn("keepalived", root + "/etc/keepalived/")
        .build();
  }

  private boolean checkPasses(Step s) {
    return host.run(s.check()).exit() == 0;
  }

  /** What the executor does when the check fails: every action in order. */
  private void apply(Step s) {
    applyUntil(s, s.apply().size());
  }

  private void applyUntil(Step s, int actions) {
    for (Action a : s.apply().subList(0, actions)) {
      if (a instanceof Action.PutFile f) {
        host.place(s.shell(), f.path(), files.get(f.path()), f.mode());
      } else if (a instanceof Action.Run r) {
        ThisMachineAsHost.Result result = host.run(r.command());
        assertThat(result.exit()).as(r.command() + "\n" + result.output()).isZero();
      }
    }
  }

  @Test
  void anUnchangedStepPassesItsCheckAndTouchesNoService() throws Exception {
    assertThat(checkPasses(step())).isTrue();
  }

  @Test
  void aKeepalivedOnlyChangeReloadsKeepalivedAndLeavesHaproxyAlone() throws Exception {
    files.put(keepalivedConf, "vrrp_instance VI_1 { priority 90 }\n");
    Step s = step();
    assertThat(checkPasses(s)).isFalse();
    apply(s);
    assertThat(host.systemctlActions()).containsExactly("daemon-reload", "enable haproxy keepalived", "reload keepalived");
    assertThat(checkPasses(s)).isTrue();
  }

  @Test
  void aHaproxyConfigurationChangeIsAReloadAndANewUnitARestart() throws Exception {
    files.put(haproxyCfg, "frontend api\n  timeout client 30s\n");
    apply(step());
    assertThat(host.systemctlActions()).containsExactly("daemon-reload", "enable haproxy keepalived", "reload haproxy");
    host.forgetCalls();
    files.put(haproxyUnit, "[Service]\nExecStart=haproxy -Ws\n");
    files.put(haproxyCfg, "frontend api\n  timeout client 60s\n");
    apply(step());
    assertThat(host.systemctlActions()).as("a restart reads the new configuration too")
        .containsExactly("daemon-reload", "enable haproxy keepalived", "restart haproxy");
  }

  @Test
  void aServiceThatStoppedIsRestartedThoughNoFileChanged() throws Exception {
    java.nio.file.Files.delete(root.resolve("running/keepalived"));
    Step s = step();
    assertThat(checkPasses(s)).isFalse();
    apply(s);
    assertThat(host.systemctlActions()).containsExactly("daemon-reload", "enable haproxy keepalived", "restart keepalived");
  }

  @Test
  void aRunThatStoppedAfterPlacingTheFilesStillReloadsOnTheRerun() throws Exception {
    files.put(keepalivedConf, "vrrp_instance VI_1 { priority 80 }\n");
    Step s = step();
    applyUntil(s, s.apply().size() - 1); // the files are placed, the services not yet told
    assertThat(checkPasses(s)).as("the files are right now; the executor re-applies the unfinished step").isTrue();
    apply(s);
    assertThat(host.systemctlActions()).containsExactly("daemon-reload", "enable haproxy keepalived", "reload keepalived");
    host.forgetCalls();
    apply(s);
    assertThat(host.systemctlActions()).as("the note is gone once acted on")
        .containsExactly("daemon-reload", "enable haproxy keepalived");
  }

  @Test
  void servicesWithoutDeclaredInputsRestartWheneverTheStepApplies() {
    Step s = new StepBuilder("start-node", Phase.NODE, "node1", "start kubelet and kube-proxy")
        .put("/var/lib/kubelet/config.yaml", "files/node1/var/lib/kubelet/config.yaml", "ab".repeat(32), 0644)
        .services("kubelet", "kube-proxy").build();
    assertThat(s.apply()).last().isEqualTo(new Action.Run(
        "systemctl daemon-reload && systemctl enable kubelet kube-proxy && systemctl restart kubelet kube-proxy"));
    assertThat(s.apply()).hasSize(2);
  }

  @Test
  void inputsForAServiceTheStepDoesNotStartAreABugInThePlan() {
    assertThatThrownBy(() -> new StepBuilder("x", Phase.NODE, "node1", "x").services("kubelet")
        .restartOn("kube-proxy", "/etc/").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("kube-proxy");
    assertThatThrownBy(() -> new StepBuilder("x", Phase.NODE, "node1", "x").services("kubelet")
        .restartOn("kubelet", "/etc/").alsoCheck("test -e /x").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("about content");
  }

  @Test
  void theWindowsShellRestartsEveryServiceOfTheStep() {
    Step s = new StepBuilder("start-windows-node", Phase.NODE, "win1", "start")
        .os(dev.kubeyard.model.spec.OsFamily.WINDOWS)
        .put("C:/k/kubelet.conf", "files/win1/k/kubelet.conf", "ab".repeat(32), 0644)
        .services("kubelet", "kube-proxy").restartOn("kubelet", "C:/k/").build();
    assertThat(s.apply()).hasSize(2);
    assertThat(((Action.Run) s.apply().get(1)).command()).contains("Restart-Service");
    assertThat(List.of(s.apply().get(0))).allMatch(a -> a instanceof Action.PutFile);
  }
}

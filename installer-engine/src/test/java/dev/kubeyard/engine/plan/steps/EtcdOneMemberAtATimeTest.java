package dev.kubeyard.engine.plan.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.plan.Phase;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.shell.ThisMachineAsHost;
import dev.kubeyard.engine.testing.ExamplePlans;
import dev.kubeyard.engine.testing.Specs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The etcd members go one at a time, and each member's verify, run by the real sh with a stand-in etcdctl
 * (healthy where a file says so) and systemctl, lets a forming cluster start while it holds a rolling restart
 * until the member restarted is healthy.
 */
class EtcdOneMemberAtATimeTest {
  @TempDir Path root;
  ThisMachineAsHost host;
  Step master1;

  @BeforeEach
  void stepOfMaster1() throws Exception {
    host = new ThisMachineAsHost(root);
    Plan plan = ExamplePlans.plan(Specs.current(), ExamplePlans.bundle(Specs.current().kubernetes().version().toString()));
    master1 = plan.inPhase(Phase.ETCD).stream().filter(s -> s.host().equals("master1")).findFirst().orElseThrow();
    // etcdctl answers healthy for an endpoint whose file exists under healthy/
    host.executable("etcdctl", "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --endpoints=*) e=${a#--endpoints=};; esac; done\n"
        + "[ -e \"$KUBEYARD_STATE_ROOT/healthy/$(echo \"$e\" | tr -c 'a-z0-9\\n' _)\" ]\n");
    host.executable("systemctl", "#!/bin/sh\n[ \"$1\" = show ] && cat \"$KUBEYARD_STATE_ROOT/etcd-state\"\n"
        + "echo \"$*\" >> \"$KUBEYARD_STATE_ROOT/systemctl.calls\"\nexit 0\n");
    java.nio.file.Files.createDirectories(root.resolve("healthy"));
  }

  private void healthy(String endpoint) throws Exception {
    java.nio.file.Files.writeString(root.resolve("healthy").resolve(endpoint.replaceAll("[^a-z0-9]", "_")), "");
  }

  private boolean verifyPasses(String state) throws Exception {
    java.nio.file.Files.writeString(root.resolve("etcd-state"), state + "\n");
    return host.run(withStandIns(master1.verify())).exit() == 0;
  }

  private String withStandIns(String script) {
    return script.replace("/opt/kube/bin/etcdctl", root.resolve("bin/etcdctl").toString());
  }

  private List<String> restartAsApplied() throws Exception {
    java.nio.file.Files.deleteIfExists(root.resolve("systemctl.calls"));
    String start = ((Action.Run) master1.apply().get(master1.apply().size() - 1)).command();
    assertThat(host.run(withStandIns(start)).exit()).isZero();
    return host.systemctlActions().stream().filter(l -> l.startsWith("restart")).toList();
  }

  @Test
  void theMembersGoOneHostAtATimeAndARestartWaitsForReadinessOnlyWhenAnotherMemberIsHealthy() throws Exception {
    assertThat(Phase.ETCD.oneHostAtATime()).isTrue();
    assertThat(restartAsApplied()).as("a cluster being formed: nobody is ready alone").containsExactly("restart --no-block etcd");
    healthy(master1.verify().replaceAll(".*for e in (\\S+) .*", "$1"));
    assertThat(restartAsApplied()).as("a rolling restart: back and serving before the next member").containsExactly("restart etcd");
  }

  @Test
  void aHealthyMemberPasses() throws Exception {
    healthy("https://127.0.0.1:2379");
    assertThat(verifyPasses("active")).isTrue();
  }

  @Test
  void aStartingMemberOfAClusterWithNoHealthyMemberPassesSoTheNextCanStart() throws Exception {
    assertThat(verifyPasses("activating")).isTrue();
  }

  @Test
  void aRestartedMemberHoldsTheRunWhileAnotherMemberIsHealthy() throws Exception {
    String other = master1.verify().replaceAll(".*for e in (\\S+) .*", "$1");
    assertThat(other).startsWith("https://").endsWith(":2379");
    healthy(other);
    assertThat(verifyPasses("activating")).as("a rolling restart waits for this member").isFalse();
    healthy("https://127.0.0.1:2379");
    assertThat(verifyPasses("active")).isTrue();
  }

  @Test
  void aMemberThatFailedNeverPasses() throws Exception {
    assertThat(verifyPasses("failed")).isFalse();
  }
}

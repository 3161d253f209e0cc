package dev.kubeyard.engine.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.plan.Action;
import dev.kubeyard.engine.plan.BundleContent;
import dev.kubeyard.engine.plan.CertificatePlacement;
import dev.kubeyard.engine.plan.InstallSequence;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.PlanInput;
import dev.kubeyard.engine.plan.Step;
import dev.kubeyard.engine.render.ClusterRenderer;
import dev.kubeyard.engine.run.ResetPlan;
import dev.kubeyard.engine.testing.Golden;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.model.spec.OsFamily;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The exact PowerShell a Windows host is sent for each operation: every command line is decoded from
 * its -EncodedCommand and compared with golden/shell/powershell/*.ps1 (scripts/update-golden rewrites
 * them). The Windows node step is the example cluster's own (win1, Kubernetes 1.14).
 */
class PowerShellScriptsGoldenTest {
  private static final HostShell SHELL = HostShell.of(OsFamily.WINDOWS);

  private static void assertSent(String name, String script) {
    String commandLine = SHELL.commandLine(script);
    assertThat(commandLine).as("only base64 after the fixed prefix: nothing for cmd.exe to parse")
        .startsWith(PowerShellOverSsh.PREFIX).matches("[A-Za-z -]+ [A-Za-z0-9+/=]+")
        .hasSizeLessThanOrEqualTo(PowerShellOverSsh.MAX_COMMAND_LINE);
    Golden.assertMatches("shell/powershell/" + name + ".ps1", PowerShellOverSsh.scriptOf(commandLine) + "\n");
  }

  private static Plan windowsPlan() {
    ClusterFacts facts = ClusterFacts.of(Specs.legacy());
    Map<String, String> pki = new TreeMap<>();
    CertificatePlacement.pkiFilesOf(facts).forEach(n -> pki.put(n, "0".repeat(64))); // placed, not compared
    return InstallSequence.plan(new PlanInput(facts, ClusterRenderer.render(Specs.context(Specs.legacy())), pki,
        BundleContent.none()));
  }

  private static Step windowsNode(Plan plan) {
    return plan.steps().stream().filter(s -> s.host().equals("win1")).findFirst().orElseThrow();
  }

  @Test
  void theWindowsNodeStepSendsItsCheckApplyAndVerifyAsGoldenScripts() {
    Step step = windowsNode(windowsPlan());
    assertSent("node-check", step.check());
    List<String> runs = step.apply().stream().filter(a -> a instanceof Action.Run).map(a -> ((Action.Run) a).command()).toList();
    assertThat(runs).hasSize(2);
    assertSent("node-install", runs.get(0));
    assertSent("node-start-services", runs.get(1));
    assertSent("node-verify", step.verify());
  }

  @Test
  void aCommandIsSentWithTheDeployerClockAfterReportingItsPid() {
    assertSent("command-with-pid-and-clock", SHELL.reportingPid("kubeyard-pid ",
        SHELL.withEnvironment("KUBEYARD_DEPLOYER_EPOCH", "1765000000", "& 'C:/k/install-node.ps1'")));
  }

  @Test
  void anUploadWritesStdinBesideTheTargetChecksItsHashAndMovesItIntoPlace() {
    FileUpload u = FileUpload.beside("C:/k/ssl/kubelet-win1-key.pem", "ab".repeat(32), 0600, false, "5eed");
    assertThat(u.temp()).isEqualTo("C:/k/ssl/.kubeyard-kubelet-win1-key.pem.5eed.tmp");
    assertSent("upload", SHELL.upload(u));
    assertThat(SHELL.upload(new FileUpload(u.path(), u.temp(), u.sha256(), u.mode(), true))).as("--retain keeps a corrupt temp file")
        .isEqualTo(SHELL.upload(u).replace("  Remove-Item -LiteralPath $temp -Force\n", "  Write-Output \"kept ${temp} (--retain)\"\n"));
    assertSent("remove-temp", SHELL.removeFiles(List.of(u.temp())));
  }

  @Test
  void aCancelStopsTheReportedProcessTree() {
    assertSent("stop-tree", SHELL.stopTree(4242));
  }

  @Test
  void statusPrintsHashesAndAsksEachService() {
    assertSent("status-hashes", SHELL.printHashes(List.of("C:/k/kubelet.kubeconfig", "C:/k/ssl/ca.pem")));
    assertSent("status-service", SHELL.check(List.of(SHELL.serviceActive("kubelet"))));
  }

  @Test
  void resetStopsAndDisablesTheServicesThenRemovesTheFiles() {
    Plan reset = ResetPlan.of(windowsPlan(), false);
    Step step = reset.steps().stream().filter(s -> s.host().equals("win1")).findFirst().orElseThrow();
    assertThat(step.os()).isEqualTo(OsFamily.WINDOWS);
    assertSent("reset-check", step.check());
    assertSent("reset-apply", ((Action.Run) step.apply().get(0)).command());
  }
}

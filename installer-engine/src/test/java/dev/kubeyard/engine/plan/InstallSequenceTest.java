package dev.kubeyard.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.plan.BundleContent;
import dev.kubeyard.engine.render.ClusterRenderer;
import dev.kubeyard.engine.render.RenderedFile;
import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.OsFamily;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InstallSequenceTest {
  /** Every PKI file name a placement asks for, mapped to a made-up digest (this test only orders steps). */
  private static Map<String, String> anyPkiDigests(ClusterFacts facts) {
    Map<String, String> m = new HashMap<>();
    CertificatePlacement.pkiFilesOf(facts).forEach(name -> m.put(name, "0".repeat(64)));
    return m;
  }

  private static Plan plan(ClusterSpec spec, List<RenderedFile> files) {
    ClusterFacts facts = ClusterFacts.of(spec);
    return InstallSequence.plan(new PlanInput(facts, files, anyPkiDigests(facts), BundleContent.none()));
  }

  @Test
  void everyRenderedFileIsPlacedByExactlyOneStep() {
    for (ClusterSpec spec : List.of(Specs.legacy(), Specs.current())) {
      List<RenderedFile> files = ClusterRenderer.render(Specs.context(spec));
      Plan plan = plan(spec, files);
      List<String> placed = plan.steps().stream()
          .flatMap(s -> s.apply().stream().filter(a -> a instanceof Action.PutFile)
              .map(a -> s.host() + ":" + ((Action.PutFile) a).source()))
          .filter(p -> p.contains(":hosts/")).toList();
      Set<String> rendered = files.stream().map(f -> f.host() + ":" + PlanInput.sourceOf(f)).collect(Collectors.toSet());
      assertThat(placed).doesNotHaveDuplicates();
      assertThat(Set.copyOf(placed)).isEqualTo(rendered);
    }
  }

  @Test
  void theSequenceListsItsStepsInPhaseOrderSoTheListReadsAsTheInstallOrder() {
    for (ClusterSpec spec : List.of(Specs.legacy(), Specs.current())) {
      ClusterFacts facts = ClusterFacts.of(spec);
      PlanInput in = new PlanInput(facts, ClusterRenderer.render(Specs.context(spec)), anyPkiDigests(facts), BundleContent.none());
      List<Phase> phases = InstallSequence.steps().stream()
          .flatMap(step -> facts.hosts().stream().flatMap(h -> step.plan(in, h).stream()).map(Step::phase).distinct())
          .toList();
      assertThat(phases).isSorted();
    }
  }

  @Test
  void etcdStartsBeforeTheControlPlaneAndTheLoadBalancerBeforeTheNodes() {
    Plan plan = plan(Specs.current(), ClusterRenderer.render(Specs.context(Specs.current())));
    List<String> ids = plan.steps().stream().map(Step::id).distinct().toList();
    assertThat(ids).containsSubsequence("prepare-os", "place-certificates", "start-etcd", "start-load-balancer",
        "start-control-plane", "start-node");
  }

  @Test
  void aStepIsSkippedOnlyWhenEveryFileHashAndServiceCheckPasses() {
    Plan plan = plan(Specs.current(), ClusterRenderer.render(Specs.context(Specs.current())));
    Step etcd = plan.steps().stream().filter(s -> s.id().equals("start-etcd") && s.host().equals("master1"))
        .findFirst().orElseThrow();
    RenderedFile unit = ClusterRenderer.render(Specs.context(Specs.current())).stream()
        .filter(f -> f.host().equals("master1") && f.path().equals("/etc/systemd/system/etcd.service")).findFirst().orElseThrow();
    assertThat(etcd.check()).contains(unit.sha256() + "  /etc/systemd/system/etcd.service")
        .contains("systemctl is-active --quiet etcd");
    assertThat(etcd.verify()).contains("endpoint health");
  }

  @Test
  void theAddonsAreAppliedLastFromTheFirstMasterAndSkippedOnlyWhenRolledOut() {
    for (ClusterSpec spec : List.of(Specs.legacy(), Specs.current())) {
      Plan plan = plan(spec, ClusterRenderer.render(Specs.context(spec)));
      List<Step> addons = plan.steps().stream().filter(s -> s.phase() == Phase.ADDONS).toList();
      assertThat(addons).extracting(Step::id, Step::host).containsExactly(
          org.assertj.core.groups.Tuple.tuple("bind-cluster-admins", "master1"),
          org.assertj.core.groups.Tuple.tuple("label-nodes", "master1"), org.assertj.core.groups.Tuple.tuple("apply-addons", "master1"));
      Step step = addons.get(2);
      assertThat(plan.steps().get(plan.steps().size() - 1)).isEqualTo(step);
      String kubectl = "/opt/kube/bin/kubectl --kubeconfig /etc/kubernetes/admin.kubeconfig";
      boolean metallb = spec.network().serviceLoadBalancer(); // the current example has a pool
      List<Action> runs = step.apply().stream().filter(a -> a instanceof Action.Run).toList();
      // Traefik's CRDs applied and established first on both lines (its TLSStore needs them)
      assertThat(runs.get(0)).isEqualTo(new Action.Run(kubectl + " apply -f /etc/kubernetes/addons/ingress-crds.yaml"));
      assertThat(runs.get(1).toString()).contains("wait --for condition=established");
      assertThat(runs.get(2)).isEqualTo(new Action.Run(kubectl + " apply -f /etc/kubernetes/addons/"));
      if (metallb) { // the pool only once its CRDs are established
        assertThat(runs).last().isEqualTo(new Action.Run(kubectl + " apply -f /etc/kubernetes/addons/metallb-pool/"));
        assertThat(runs.get(runs.size() - 2).toString()).contains("wait --for=condition=Established");
      }
      assertThat(runs).hasSize(2 + 1 + (metallb ? 2 : 0));
      // flannel, CoreDNS, metrics-server, the kubelet RBAC, the ingress controller and its CRDs, and
      // MetalLB's CRDs, workloads, memberlist key and pool, the addon namespaces' NetworkPolicies, and on
      // 1.14 the pod security policies (ADR 35)
      assertThat(step.apply()).filteredOn(a -> a instanceof Action.PutFile).hasSize(7 + (metallb ? 4 : 1));
      assertThat(step.verify()).contains(kubectl + " -n kube-system rollout status deployment/coredns --timeout=5s")
          .contains(kubectl + " -n kubeyard-ingress rollout status deployment/traefik --timeout=5s")
          .contains("rollout status deployment/metrics-server").contains("rollout status daemonset/kube-flannel-ds");
      assertThat(step.check()).contains("sha256sum -c").endsWith("{ " + step.verify() + "; }");
    }
  }

  @Test
  void theFirstMasterLabelsMastersAndWorkersWithTheRoleLabelOfTheirKubernetesLine() {
    Step current = step(plan(Specs.current(), ClusterRenderer.render(Specs.context(Specs.current()))), "label-nodes");
    assertThat(current.host()).isEqualTo("master1");
    assertThat(current.apply()).last().asString().contains("label node --overwrite master1 master2 master3 "
        + "node-role.kubernetes.io/control-plane=").contains("node-role.kubernetes.io/worker=");
    assertThat(current.check()).isEqualTo("{ " + current.verify() + "; }")
        .contains("get nodes -l node-role.kubernetes.io/control-plane -o name | sort | xargs)\" = \"node/master1 node/master2 node/master3\" ]");
    Step legacy = step(plan(Specs.legacy(), ClusterRenderer.render(Specs.context(Specs.legacy()))), "label-nodes");
    assertThat(legacy.apply()).last().asString().contains("node-role.kubernetes.io/master=")
        .doesNotContain("control-plane");
  }

  private static Step step(Plan plan, String id) {
    return plan.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void windowsHostsGetOnePowerShellStepAndNoLinuxCommands() {
    Plan plan = plan(Specs.legacy(), ClusterRenderer.render(Specs.context(Specs.legacy())));
    List<Step> win = plan.steps().stream().filter(s -> s.host().equals("win1")).toList();
    assertThat(win).extracting(Step::id).containsExactly("start-windows-node");
    assertThat(win.get(0).os()).isEqualTo(OsFamily.WINDOWS);
    assertThat(win.get(0).services()).containsExactly("flanneld", "kubelet", "kube-proxy");
    assertThat(win.get(0).check()).startsWith("if (").contains("Get-FileHash").doesNotContain("sha256sum");
    assertThat(win.get(0).apply()).noneMatch(a -> a instanceof Action.Run r && r.command().contains("systemctl"));
    assertThat(plan.steps()).filteredOn(s -> !s.host().equals("win1")).allSatisfy(s -> assertThat(s.os()).isEqualTo(OsFamily.LINUX));
  }

  @Test
  void thePlanSurvivesAJsonRoundTripForTheExecutor() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (ClusterSpec spec : List.of(Specs.current(), Specs.legacy())) { // the legacy example has a Windows node
      Plan plan = plan(spec, ClusterRenderer.render(Specs.context(spec)));
      assertThat(json.readValue(json.writeValueAsString(plan), Plan.class)).isEqualTo(plan);
    }
  }

  @Test
  void aPlanJsonWrittenBeforeStepsKeptServicesAndOsLoadsAsLinuxStepsWithoutServices() throws Exception {
    String old = "{\"cluster\":\"c\",\"kubernetesVersion\":\"1.35.0\",\"steps\":[{\"id\":\"s\",\"phase\":\"NODE\","
        + "\"host\":\"h\",\"title\":\"t\",\"check\":\"false\",\"apply\":[],\"verify\":null}]}";
    Step step = new ObjectMapper().readValue(old, Plan.class).steps().get(0);
    assertThat(step.os()).isEqualTo(OsFamily.LINUX);
    assertThat(step.services()).isEmpty();
  }

  @Test
  void keysAndCertificatesAreAllPlacedWithMode0600() {
    Plan plan = plan(Specs.current(), ClusterRenderer.render(Specs.context(Specs.current())));
    List<Action.PutFile> pki = plan.steps().stream().flatMap(s -> s.apply().stream())
        .filter(a -> a instanceof Action.PutFile p && p.source().startsWith("pki/")).map(a -> (Action.PutFile) a).toList();
    assertThat(pki).isNotEmpty().allSatisfy(p ->
        assertThat(p.mode()).as(p.path()).isEqualTo(0600));
  }
}

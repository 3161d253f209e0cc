package dev.kubeyard.engine.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.testing.RepoRoot;
import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.ContainerRuntime;
import dev.kubeyard.model.spec.HostSpec;
import dev.kubeyard.model.validate.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facts derived from the example spec: what render, pki and plan read instead of the spec. */
class ClusterFactsTest {
  private static final Validator.Result EXAMPLE =
      Validator.load(RepoRoot.path().resolve("resources/examples/cluster.yaml"));

  @Test
  void derivesTheSameFactsFromTheValidatedSpecAsFromTheRawOne() {
    ClusterFacts once = ClusterFacts.of(EXAMPLE.validSpec());
    ClusterFacts again = ClusterFacts.of(EXAMPLE.spec());
    assertThat(once).isEqualTo(again);
  }

  @Test
  void namesThePortsAndAddressesOfTheApi() {
    ClusterFacts facts = ClusterFacts.of(EXAMPLE.validSpec());
    assertThat(facts.apiserverUrl()).isEqualTo("https://192.168.1.10:8443");
    assertThat(facts.localApiserverUrl()).isEqualTo("https://127.0.0.1:6443");
    assertThat(facts.loadBalancer().ingressHttpNodePort()).isEqualTo(23456);
    assertThat(facts.nodePortRange()).isEqualTo("20000-40000");
  }

  @Test
  void ingressHostsAreTheEnabledAppsHostsSortedWithElasticsearchsOnlyWhenPublished() throws Exception {
    assertThat(ClusterFacts.of(EXAMPLE.validSpec()).ingressHosts())
        .containsExactly("gateway.example.com", "gitlab.example.com");
    String yaml = java.nio.file.Files.readString(RepoRoot.path().resolve("resources/examples/cluster.yaml"))
        .replace("    version: 7.17.29\n", "    version: 7.17.29\n    ingressHost: search.example.com\n")
        .replace("  gitlab:\n", "  gitlab:\n    enabled: false\n");
    assertThat(ClusterFacts.of(Validator.loadText(yaml).spec()).ingressHosts())
        .containsExactly("gateway.example.com", "search.example.com");
  }

  @Test
  void namesTheLineSpecificChoices() {
    ClusterFacts facts = ClusterFacts.of(EXAMPLE.validSpec());
    assertThat(facts.containerRuntime()).isEqualTo(ContainerRuntime.CONTAINERD); // on 1.14 too (ADR 33)
    assertThat(facts.dockerRuntime()).isFalse();
    assertThat(facts.network().flannel()).isTrue();
    assertThat(facts.network().vxlan()).isTrue();
    assertThat(facts.pki().keyAlgorithm()).isEqualTo("rsa-2048");
    assertThat(facts.windowsInstallDir()).isEqualTo("C:\\k");
  }

  @Test
  void kubeletHostsAreEveryNodeAndMasterOfEitherOs() {
    ClusterFacts facts = ClusterFacts.of(EXAMPLE.validSpec());
    assertThat(facts.kubeletHosts()).extracting(HostSpec::name)
        .containsExactly("master1", "master2", "master3", "node1", "node2", "node3", "win1");
    assertThat(facts.kubeletHosts().stream().filter(NodeRoles::runsLinuxKubelet)).extracting(HostSpec::name)
        .containsExactly("master1", "master2", "master3", "node1", "node2", "node3");
  }

  @Test
  void refusesAnInvalidSpecWithEveryProblemInTheMessage() {
    ClusterSpec noHosts = EXAMPLE.spec().withHosts(List.of());
    assertThatThrownBy(() -> ClusterFacts.of(noHosts)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the spec is invalid:\n  hosts");
  }

  @Test
  void anInvalidResultHasNoValidSpecToDeriveFrom() {
    Validator.Result invalid = Validator.validate(EXAMPLE.spec().withHosts(List.of()));
    assertThatThrownBy(invalid::validSpec).isInstanceOf(IllegalStateException.class);
  }
}

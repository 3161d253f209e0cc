package dev.kubeyard.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.model.spec.ClusterSpec;
import dev.kubeyard.model.spec.ContainerRuntime;
import dev.kubeyard.model.spec.Defaults;
import dev.kubeyard.model.spec.SpecYaml;
import dev.kubeyard.model.validate.Validator;
import org.junit.jupiter.api.Test;

class DefaultsTest {
  private static final String MINIMAL = """
      apiVersion: kubeyard.dev/v1alpha1
      kind: Cluster
      hosts:
        - {name: m1, address: 10.200.0.11, roles: [etcd, master, node]}
      """;

  @Test
  void defaultsFollowTheOriginalNotes() {
    ClusterSpec s = Validator.loadText(MINIMAL).spec();
    assertThat(s.kubernetes().version()).isEqualTo("1.14.10");
    assertThat(s.kubernetes().serviceCidr()).isEqualTo("10.68.0.0/16");
    assertThat(s.kubernetes().clusterCidr()).isEqualTo("172.20.0.0/16");
    assertThat(s.kubernetes().nodePortRange()).isEqualTo("20000-40000");
    assertThat(s.kubernetes().clusterDnsIp()).isEqualTo("10.68.0.2");
    assertThat(s.kubernetes().clusterDomain()).isEqualTo("cluster.local");
    assertThat(s.network().vni()).isEqualTo(4096);
    assertThat(s.network().port()).isEqualTo(4789);
  }

  @Test
  void theRuntimeIsContainerdOnEveryLineUnlessTheSpecSaysDocker() {
    assertThat(Validator.loadText(MINIMAL).spec().kubernetes().containerRuntime())
        .isEqualTo(ContainerRuntime.CONTAINERD);
    String docker = MINIMAL.replace("kind: Cluster", "kind: Cluster\nkubernetes: {containerRuntime: docker}");
    assertThat(Validator.loadText(docker).spec().kubernetes().containerRuntime())
        .isEqualTo(ContainerRuntime.DOCKER);
    String current = MINIMAL.replace("kind: Cluster", "kind: Cluster\nkubernetes: {version: 1.35.0}");
    assertThat(Validator.loadText(current).spec().kubernetes().containerRuntime())
        .isEqualTo(ContainerRuntime.CONTAINERD);
  }

  @Test
  void applyingDefaultsTwiceChangesNothing() {
    ClusterSpec once = Validator.loadText(MINIMAL).spec();
    assertThat(Defaults.apply(once)).isEqualTo(once);
  }

  @Test
  void aWrittenSpecReadsBackEqual() {
    ClusterSpec once = Validator.loadText(MINIMAL).spec();
    assertThat(SpecYaml.parse(SpecYaml.write(once)).spec()).isEqualTo(once);
  }
}

package dev.kubeyard.engine.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.topology.TopologySvg;
import dev.kubeyard.model.spec.ContainerRuntime;
import dev.kubeyard.model.validate.Validator;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every lab the tests install writes its plan through the pipeline, which draws topology.svg: the
 * standard lab, the Elasticsearch lab with a third worker and the small non-HA lab all get a picture
 * naming each of their hosts (no apps, no Windows and no VIP must not break the drawing).
 */
class LabSpecTopologyTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"standard", "three workers", "no load balancer"})
  void eachLabsSpecIsValidAndGetsATopologyPictureNamingEveryHost(String shape) {
    LabTopology lab = switch (shape) {
      case "three workers" -> LabTopology.standard("es", "10.213.56").withWorker("node3");
      case "no load balancer" -> LabTopology.standard("small", "10.213.58").only("master1", "node2");
      default -> LabTopology.standard();
    };
    String yaml = LabSpec.yaml(lab, Path.of("/var/lib/kubeyard/lab/x/id_ed25519"), "1.35.8");
    Validator.Result r = Validator.loadText(yaml);
    assertThat(r.problems()).as(yaml).isEmpty();
    String svg = TopologySvg.of(ClusterFacts.of(r.validSpec()));
    assertThat(svg).startsWith("<?xml");
    lab.hosts().forEach(h -> assertThat(svg).contains(h.name(), h.address()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.14.10", "1.35.8"})
  void aLabOnEitherLineSaysContainerdOutright(String version) {
    String yaml = LabSpec.yaml(LabTopology.standard(), Path.of("/var/lib/kubeyard/lab/x/id_ed25519"), version);

    assertThat(yaml).contains("kubernetes:\n  version: " + version + "\n  containerRuntime: containerd\n");
    assertThat(Validator.loadText(yaml).validSpec().spec().kubernetes().containerRuntime())
        .isEqualTo(ContainerRuntime.CONTAINERD);
  }
}

package dev.kubeyard.engine.apps.elasticsearch.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpdateOrderTest {
  static EsNode node(String name, String... roles) {
    return new EsNode("id-" + name, name, EsVersion.of("7.17.28"), Set.of(roles), "r");
  }

  @Test
  void dataAndIngestNodesGoFirstThenMastersWithTheElectedMasterLast() {
    List<EsNode> nodes = List.of(node("master-0", "master"), node("master-1", "master"), node("master-2", "master"),
        node("data-0", "data"), node("ingest-0", "ingest"));
    List<String> members = nodes.stream().map(EsNode::name).toList();
    assertThat(UpdateOrder.of(members, nodes, Optional.of("id-master-0")))
        .containsExactly("data-0", "ingest-0", "master-1", "master-2", "master-0");
  }

  @Test
  void anUpdateDoesNotStartWhileAMemberIsMissing() {
    assertThatThrownBy(() -> UpdateOrder.of(List.of("a", "b"), List.of(node("a", "master")), Optional.empty()))
        .isInstanceOf(UpdateRefused.class).hasMessageContaining("[b]");
  }
}

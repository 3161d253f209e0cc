package dev.kubeyard.engine.apps.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRevisionTest {

  @Test
  void theSameHeapAndSettingsGiveTheSameIdWhateverTheirOrder() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("x.y", "1");
    a.put("a.b", "2");
    Map<String, String> b = new LinkedHashMap<>();
    b.put("a.b", "2");
    b.put("x.y", "1");
    assertThat(ConfigRevision.of("1g", a).id()).isEqualTo(ConfigRevision.of("1g", b).id()).hasSize(10);
  }

  @Test
  void aHeapOrSettingChangeIsANewRevision() {
    ConfigRevision base = ConfigRevision.of("1g", Map.of("a.b", "2"));
    assertThat(ConfigRevision.of("2g", Map.of("a.b", "2")).id()).isNotEqualTo(base.id());
    assertThat(ConfigRevision.of("1g", Map.of("a.b", "3")).id()).isNotEqualTo(base.id());
  }

  @Test
  void settingsKubeyardSetsPerNodeCannotBePartOfARevision() {
    assertThatThrownBy(() -> ConfigRevision.of("1g", Map.of("node.attr.config_revision", "x")))
        .hasMessageContaining("node.attr.config_revision");
    assertThatThrownBy(() -> ConfigRevision.of("1g", Map.of("cluster.initial_master_nodes", "a")))
        .hasMessageContaining("initial_master_nodes");
    assertThatThrownBy(() -> ConfigRevision.of("lots", Map.of())).hasMessageContaining("heap");
  }
}

package dev.kubeyard.engine.apps.elasticsearch.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeyard.engine.apps.elasticsearch.ConfigRevision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateStateJsonTest {

  @Test
  void theStoredDocumentReadsBackEqualAndCarriesNoDerivedFields() throws Exception {
    UpdateState s = new UpdateState("u1", UpdateState.Kind.CONFIG, UpdateState.Phase.IN_PROGRESS, "7.17.29", "7.17.29",
        ConfigRevision.of("256m", Map.of()), ConfigRevision.of("288m", Map.of("indices.memory.index_buffer_size", "15%")),
        List.of("n1", "n2"), List.of("n1"), "n2", List.of(), null);
    ObjectMapper json = new ObjectMapper();
    String text = json.writeValueAsString(s);
    assertThat(json.readValue(text, UpdateState.class)).isEqualTo(s);
    assertThat(text).doesNotContain("changesVersion").doesNotContain("\"from\"").contains("\"current\":\"n2\"");
  }
}

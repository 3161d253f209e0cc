package dev.kubeyard.engine.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit's findings as a table for a person or as JSON for a pipeline, with the count per outcome. */
public record AuditReport(String edition, List<Finding> findings) {

  public long count(Outcome o) {
    return findings.stream().filter(f -> f.result() == o).count();
  }

  public boolean failed() {
    return count(Outcome.FAIL) > 0;
  }

  public String summary() {
    return edition + ": " + count(Outcome.PASS) + " PASS, " + count(Outcome.FAIL) + " FAIL, " + count(Outcome.WARN) + " WARN, "
        + count(Outcome.MANUAL) + " MANUAL";
  }

  public String table() {
    StringBuilder b = new StringBuilder(String.format("%-16s %-72s %-9s %-6s %s%n", "ITEM", "TITLE", "HOST", "RESULT", "EVIDENCE"));
    for (Finding f : findings) {
      String title = f.title() + (f.level() == 2 ? " (L2)" : "") + (f.automated() ? "" : " (manual)");
      b.append(String.format("%-16s %-72s %-9s %-6s %s%n", f.id(), title, f.host(), f.result(), f.evidence()));
    }
    return b.append(summary()).append('\n').toString();
  }

  public String json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("benchmark", edition);
    m.put("summary", Map.of("pass", count(Outcome.PASS), "fail", count(Outcome.FAIL), "warn", count(Outcome.WARN),
        "manual", count(Outcome.MANUAL)));
    m.put("findings", findings);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.kubeyard.model.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.kubeyard.model.validate.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Reads and writes cluster.yaml. Unknown fields are refused with their path named. */
public final class SpecYaml {

  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private SpecYaml() {}

  /** The outcome of reading: a spec, or the problems that kept it from being read. */
  public record Read(ClusterSpec spec, List<Problem> problems) {
    public boolean ok() {
      return spec != null && problems.isEmpty();
    }
  }

  public static Read read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      return new Read(null, List.of(Problem.of(file.toString(), null, "yaml.unreadable", e)));
    }
  }

  public static Read parse(String yaml) {
    try {
      ClusterSpec spec = MAPPER.readValue(yaml, ClusterSpec.class);
      if (spec == null) {
        return new Read(null, List.of(Problem.of("(document)", null, "yaml.empty")));
      }
      return new Read(spec, List.of());
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
          .collect(Collectors.joining(", "));
      return new Read(null, List.of(Problem.of(path(e), e.getPropertyName(), "yaml.unknownField", known)));
    } catch (InvalidFormatException e) {
      return new Read(null, List.of(Problem.of(path(e), String.valueOf(e.getValue()), "yaml.type",
          e.getTargetType().getSimpleName())));
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof UnknownChoice choice) {
        return new Read(null, List.of(Problem.of(path(e), null, choice.key(), choice.value())));
      }
      // the reader's own words (Jackson's, in English) are the rule; the frame and the fix are ours
      String cause = e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage()
          : e.getOriginalMessage();
      return new Read(null, List.of(Problem.of(path(e), null, "yaml.mapping", cause)));
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "(document)"
          : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      return new Read(null, List.of(Problem.of(where, null, "yaml.syntax", e.getOriginalMessage())));
    }
  }

  public static String write(ClusterSpec spec) {
    try {
      return MAPPER.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise spec", e);
    }
  }

  /** {@code hosts[2].roles} from Jackson's reference chain. */
  static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (!b.isEmpty()) {
          b.append('.');
        }
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.isEmpty() ? "(document)" : b.toString();
  }
}

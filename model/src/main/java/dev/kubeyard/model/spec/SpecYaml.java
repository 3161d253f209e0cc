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
      return new Read(null, List.of(new Problem(file.toString(), null, "cannot read the file: " + e,
          "check the path and its permissions")));
    }
  }

  public static Read parse(String yaml) {
    try {
      ClusterSpec spec = MAPPER.readValue(yaml, ClusterSpec.class);
      if (spec == null) {
        return new Read(null, List.of(new Problem("(document)", null, "the file is empty",
            "run 'kubeyard init' to write an example spec")));
      }
      return new Read(spec, List.of());
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
          .collect(Collectors.joining(", "));
      return new Read(null, List.of(new Problem(path(e), e.getPropertyName(),
          "unknown field", "remove it or use one of: " + known)));
    } catch (InvalidFormatException e) {
      return new Read(null, List.of(new Problem(path(e), String.valueOf(e.getValue()),
          "expected " + e.getTargetType().getSimpleName(), "correct the value's type")));
    } catch (JsonMappingException e) {
      String cause = e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage()
          : e.getOriginalMessage();
      // enum parsers phrase their message as "<rule>; use <choices>": split it into rule and fix
      int split = cause == null ? -1 : cause.indexOf("; use ");
      String rule = split < 0 ? cause : cause.substring(0, split);
      String fix = split < 0 ? "correct the value" : cause.substring(split + 2);
      return new Read(null, List.of(new Problem(path(e), null, rule, fix)));
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "(document)"
          : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      return new Read(null, List.of(new Problem(where, null, "not valid YAML: " + e.getOriginalMessage(),
          "fix the YAML syntax")));
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

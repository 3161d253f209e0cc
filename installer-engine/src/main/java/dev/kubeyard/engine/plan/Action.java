package dev.kubeyard.engine.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What applying a step does on its host: place a file with known content, or run a command. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = Action.PutFile.class, name = "put"),
    @JsonSubTypes.Type(value = Action.Run.class, name = "run")})
public sealed interface Action permits Action.PutFile, Action.Run {

  /** Describes the action in one line for plan.txt (never with secret content). */
  String describe();

  /**
   * Place {@code source} (relative to the plan directory) at {@code path} with {@code mode}; the
   * executor uploads it and checks the sha256 on the host before moving it into place.
   */
  record PutFile(String path, String source, String sha256, int mode) implements Action {
    @Override
    public String describe() {
      return String.format("put %s (mode %04o, sha256 %s)", path, mode, sha256.substring(0, 12));
    }
  }

  /**
   * Run a shell command as root on the host; with {@code stdin}, a file of the plan folder (relative to
   * it) streamed to the command's standard input over the connection, never placed on the host and
   * never shown: how a work-machine-only credential is used once on a host (ADR 38).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Run(String command, String stdin) implements Action {
    public Run(String command) {
      this(command, null);
    }

    @Override
    public String describe() {
      return "run " + command + (stdin == null ? "" : " (standard input: " + stdin + " from the plan folder, not shown)");
    }
  }
}

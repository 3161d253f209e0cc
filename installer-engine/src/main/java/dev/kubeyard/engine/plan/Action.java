package dev.kubeyard.engine.plan;

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

  /** Run a shell command as root on the host. */
  record Run(String command) implements Action {
    @Override
    public String describe() {
      return "run " + command;
    }
  }
}

package dev.kubeyard.desktop.manager.elasticsearch;

import dev.kubeyard.engine.apps.elasticsearch.rest.EsException;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateFailed;
import dev.kubeyard.engine.apps.elasticsearch.update.UpdateRefused;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the tab's actions leave on screen until the next one starts: a notice, the engine's refusal or
 * a failure, each with its hint, and the time-stamped log (engine text; the last {@link #LOG_LINES}).
 * UI thread only.
 */
final class ActionOutcome {
  static final int LOG_LINES = 2000;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final Clock clock;
  final ObservableList<String> log = FXCollections.observableArrayList();
  final StringProperty notice = new SimpleStringProperty(this, "notice", "");
  final StringProperty refusal = new SimpleStringProperty(this, "refusal", "");
  final StringProperty refusalHint = new SimpleStringProperty(this, "refusalHint", "");
  final StringProperty error = new SimpleStringProperty(this, "error", "");
  final StringProperty errorHint = new SimpleStringProperty(this, "errorHint", "");

  ActionOutcome(Clock clock) {
    this.clock = clock;
  }

  /** A new action starts: the last one's notice, refusal and error go (the log stays). */
  void clear() {
    notice.set("");
    refusal.set("");
    refusalHint.set("");
    error.set("");
    errorHint.set("");
  }

  void succeeded(String text) {
    notice.set(text);
    append(text);
  }

  /** A refusal (nothing was changed) goes to its own box; anything else is a failure, logged too. */
  void failed(Exception e) {
    if (e instanceof UpdateRefused r) {
      refusal.set(r.getMessage());
      refusalHint.set(r.hint());
      return;
    }
    error.set(Objects.toString(e.getMessage(), e.getClass().getSimpleName()));
    errorHint.set(e instanceof UpdateFailed f ? f.hint() : e instanceof EsException x ? x.hint() : "");
    append("failed: " + error.get() + (errorHint.get().isEmpty() ? "" : "\n  what to do: " + errorHint.get()));
  }

  void append(String text) {
    String time = TIME.format(clock.instant());
    text.lines().forEach(line -> log.add(time + "  " + line));
    if (log.size() > LOG_LINES) {
      log.remove(0, log.size() - LOG_LINES);
    }
  }
}

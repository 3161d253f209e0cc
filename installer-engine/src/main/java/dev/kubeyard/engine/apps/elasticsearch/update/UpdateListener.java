package dev.kubeyard.engine.apps.elasticsearch.update;

/** Receives update events on the orchestrator's thread. */
@FunctionalInterface
public interface UpdateListener {
  void on(UpdateEvent event);

  /** This listener, then {@code next}. */
  default UpdateListener andThen(UpdateListener next) {
    return e -> {
      on(e);
      next.on(e);
    };
  }
}

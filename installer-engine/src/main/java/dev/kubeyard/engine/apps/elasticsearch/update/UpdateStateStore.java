package dev.kubeyard.engine.apps.elasticsearch.update;

import java.util.Optional;

/** Keeps the one current {@link UpdateState} of a cluster, in the cluster itself. */
public interface UpdateStateStore {
  Optional<UpdateState> load();

  /**
   * Saves {@code state}; fails when someone else saved a state since this store last loaded or saved
   * (two orchestrators on one cluster).
   */
  void save(UpdateState state);

  String describe();
}

package dev.kubeyard.engine.apps.elasticsearch.update;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.kubeyard.engine.apps.elasticsearch.ConfigRevision;
import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of the latest update of one cluster, as stored in the cluster: where it goes, the order
 * of nodes, which are done, which node is in the middle of its restart, and which nodes have run the
 * new version (after that, the version cannot be rolled back).
 */
public record UpdateState(
    String id,
    Kind kind,
    Phase phase,
    String fromVersion,
    String toVersion,
    ConfigRevision fromRevision,
    ConfigRevision toRevision,
    List<String> order,
    List<String> done,
    String current,
    List<String> startedOnNewVersion,
    String snapshot) {

  /** What an update changes. DEPLOY is the baseline a new cluster records. */
  public enum Kind { DEPLOY, UPGRADE, CONFIG, ROLLBACK }

  public enum Phase { IN_PROGRESS, COMPLETED, CANCELLED }

  public UpdateState {
    order = List.copyOf(order);
    done = List.copyOf(done);
    startedOnNewVersion = List.copyOf(startedOnNewVersion);
  }

  public static UpdateState deployed(String id, UpdateTarget target, List<String> nodes) {
    return new UpdateState(id, Kind.DEPLOY, Phase.COMPLETED, target.version().toString(), target.version().toString(),
        target.revision(), target.revision(), nodes, nodes, null, List.of(), null);
  }

  @JsonIgnore
  public UpdateTarget from() {
    return new UpdateTarget(EsVersion.of(fromVersion), fromRevision);
  }

  @JsonIgnore
  public UpdateTarget to() {
    return new UpdateTarget(EsVersion.of(toVersion), toRevision);
  }

  @JsonIgnore
  public boolean changesVersion() {
    return !fromVersion.equals(toVersion);
  }

  @JsonIgnore
  public boolean inProgress() {
    return phase == Phase.IN_PROGRESS;
  }

  public UpdateState withCurrent(String node) {
    return new UpdateState(id, kind, phase, fromVersion, toVersion, fromRevision, toRevision, order, done, node,
        startedOnNewVersion, snapshot);
  }

  /** Records, before the node starts, that it will run the new version. */
  public UpdateState withStartedOnNewVersion(String node) {
    if (!changesVersion() || startedOnNewVersion.contains(node)) {
      return this;
    }
    List<String> started = new ArrayList<>(startedOnNewVersion);
    started.add(node);
    return new UpdateState(id, kind, phase, fromVersion, toVersion, fromRevision, toRevision, order, done, current,
        started, snapshot);
  }

  public UpdateState withDone(String node) {
    List<String> d = new ArrayList<>(done);
    if (!d.contains(node)) {
      d.add(node);
    }
    return new UpdateState(id, kind, phase, fromVersion, toVersion, fromRevision, toRevision, order, d, null,
        startedOnNewVersion, snapshot);
  }

  public UpdateState withPhase(Phase p) {
    return new UpdateState(id, kind, p, fromVersion, toVersion, fromRevision, toRevision, order, done, null,
        startedOnNewVersion, snapshot);
  }

  public UpdateState withSnapshot(String name) {
    return new UpdateState(id, kind, phase, fromVersion, toVersion, fromRevision, toRevision, order, done, current,
        startedOnNewVersion, name);
  }

  public String describe() {
    return kind.name().toLowerCase() + " " + id + " " + fromVersion + "/" + fromRevision.id() + " → " + toVersion + "/"
        + toRevision.id() + ": " + phase.name().toLowerCase().replace('_', ' ') + ", " + done.size() + "/"
        + order.size() + " nodes done" + (current == null ? "" : ", in the middle of " + current)
        + (snapshot == null ? "" : ", snapshot " + snapshot);
  }
}

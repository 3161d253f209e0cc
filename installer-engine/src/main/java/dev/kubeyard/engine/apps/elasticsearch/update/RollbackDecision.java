package dev.kubeyard.engine.apps.elasticsearch.update;

import dev.kubeyard.engine.apps.elasticsearch.EsVersion;
import dev.kubeyard.engine.apps.elasticsearch.rest.EsNode;
import java.util.List;
import java.util.TreeSet;

/**
 * Whether the last update can be rolled back, and how. A configuration change rolls back with the
 * same rolling procedure. A version change can only be cancelled while no node has run the new
 * version: a node that ran it rewrote its on-disk metadata, and an older Elasticsearch refuses to
 * start on that data, so the only way back then is the snapshot taken before the upgrade.
 */
record RollbackDecision(boolean cancelOnly) {

  static RollbackDecision of(UpdateState last, List<EsNode> nodes) {
    if (last.kind() == UpdateState.Kind.DEPLOY || last.phase() == UpdateState.Phase.CANCELLED) {
      throw new UpdateRefused("the last recorded change of this cluster is " + last.describe()
          + "; there is no update to roll back", "nothing to do");
    }
    if (last.kind() == UpdateState.Kind.ROLLBACK && !last.inProgress()) {
      throw new UpdateRefused("the last change already was a rollback (" + last.describe() + ")",
          "to change the configuration again, run `kubeyard es update` with the configuration you want");
    }
    if (!last.changesVersion()) {
      return new RollbackDecision(false);
    }
    EsVersion from = EsVersion.of(last.fromVersion());
    TreeSet<String> ran = new TreeSet<>(last.startedOnNewVersion());
    nodes.stream().filter(n -> n.version().isAfter(from)).forEach(n -> ran.add(n.name()));
    if (ran.isEmpty()) {
      return new RollbackDecision(true);
    }
    throw new UpdateRefused("refusing to roll Elasticsearch back from " + last.toVersion() + " to " + from
        + ": node(s) " + String.join(", ", ran) + " already ran " + last.toVersion() + " and rewrote their on-disk "
        + "data; Elasticsearch cannot read data written by a newer version (a " + from + " node exits with "
        + "`cannot downgrade a node from version [" + last.toVersion() + "] to version [" + from + "]`), so "
        + "restarting them on " + from + " would leave them crash-looping",
        last.snapshot() == null ? "no snapshot was recorded for this upgrade; keep running " + last.toVersion()
            : "the way back is the snapshot taken before the upgrade: restore `" + last.snapshot() + "` from the fs "
            + "repository `" + PreUpgradeSnapshot.REPOSITORY + "` into a cluster running " + from
            + " (`kubeyard es snapshot restore " + last.snapshot() + "` against that cluster); documents "
            + "written after the snapshot are not in it");
  }
}

package dev.kubeyard.engine.audit;

import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.transport.CommandResult;
import dev.kubeyard.engine.transport.Transport;
import dev.kubeyard.engine.transport.TransportException;
import dev.kubeyard.engine.transport.TransportFactory;
import dev.kubeyard.model.spec.HostSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads every Linux host once over SSH ({@link HostReading}) and judges the catalog's items for the components it runs. */
public final class CisAudit {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private CisAudit() {}

  public static List<Finding> run(ClusterFacts facts, TransportFactory transports) {
    CisCatalog catalog = CisCatalog.forVersion(facts.version());
    List<Finding> all = new ArrayList<>();
    for (HostSpec host : facts.hosts()) {
      if (host.isWindows()) {
        all.add(new Finding("-", "Windows node (not audited over PowerShell yet)", 1, false, host.name(), Outcome.MANUAL,
            "read-only port and anonymous access are covered by the runtime probe"));
        continue;
      }
      List<CisCheck> mine = catalog.checks().stream().filter(c -> c.component().runsOn(host)).toList();
      if (mine.isEmpty()) {
        continue;
      }
      HostEvidence evidence;
      try (Transport t = transports.open(host.name())) {
        CommandResult r = t.run(t.shell().commandLine(HostReading.script(t.shell())), TIMEOUT);
        evidence = HostEvidence.parse(r.output());
      } catch (TransportException e) {
        all.add(new Finding("-", "host reachable over SSH", 1, true, host.name(), Outcome.FAIL, e.getMessage()));
        continue;
      }
      for (CisCheck c : mine) {
        all.add(c.on(host.name(), evidence));
      }
    }
    return all;
  }
}

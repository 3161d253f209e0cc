package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.audit.AuditReport;
import dev.kubeyard.engine.audit.CisAudit;
import dev.kubeyard.engine.audit.CisCatalog;
import dev.kubeyard.engine.audit.Finding;
import dev.kubeyard.engine.audit.RuntimeProbe;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.transport.HostKeyTrust;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The CIS Kubernetes Benchmark items Kubeyard can check, read on the hosts, plus the runtime probe; exits 1 on any FAIL. */
@Command(name = "audit", description = "Check the hosts against the CIS Kubernetes Benchmark (level 1 items on files, flags and"
    + " permissions) and probe closed ports and anonymous access; exit code 1 on any FAIL, 2 when the spec is invalid.")
final class AuditCommand implements Callable<Integer> {
  @Mixin ClusterTarget target;

  @Option(names = "--json", description = "print the findings as JSON")
  boolean json;

  @Option(names = "--no-probe", description = "skip the runtime probe (ports and anonymous requests from this machine)")
  boolean noProbe;

  @Override
  public Integer call() {
    if (target.load() == null) {
      return 2;
    }
    ClusterFacts facts = ClusterFacts.of(target.valid);
    List<Finding> all = new ArrayList<>(CisAudit.run(facts, target.transports(HostKeyTrust.REFUSE, false)));
    if (!noProbe) {
      all.addAll(RuntimeProbe.run(facts));
    }
    AuditReport report = new AuditReport(CisCatalog.forVersion(facts.version()).edition(), all);
    System.out.print(json ? report.json() + "\n" : report.table());
    return report.failed() ? 1 : 0;
  }
}

package dev.kubeyard.engine.lab;

import dev.kubeyard.engine.cli.Main;
import dev.kubeyard.engine.facts.ClusterFacts;
import dev.kubeyard.engine.pki.ClusterPki;
import dev.kubeyard.engine.plan.BundleForPlan;
import dev.kubeyard.engine.plan.Plan;
import dev.kubeyard.engine.plan.PlanBuilder;
import dev.kubeyard.engine.run.Executor;
import dev.kubeyard.engine.run.RunResult;
import dev.kubeyard.engine.run.RunSettings;
import dev.kubeyard.engine.transport.HostKeyTrust;
import dev.kubeyard.engine.transport.JschTransport;
import dev.kubeyard.engine.transport.SshSettings;
import dev.kubeyard.engine.transport.SshTarget;
import dev.kubeyard.engine.transport.SshTransports;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** What the lab tests that share an installed lab do with it: install (or re-apply), SSH, the CLI. */
final class LabSession {
  private LabSession() {}

  /** The CLI's answer: its exit code and what it printed on stdout and stderr. */
  record Cli(int exit, String output) {}

  /** Installs, or re-applies, the plan for {@code facts} from {@code bundle} (only what changed is applied). */
  static RunResult install(Lab lab, ClusterFacts facts, Path planDir, Path bundle) throws Exception {
    ClusterPki.ensure(facts, planDir.resolve("pki"), Clock.systemUTC());
    Plan plan = PlanBuilder.write(facts, planDir, bundle, BundleForPlan.read(bundle));
    return new Executor(planDir, new SshTransports(facts.spec(), SshSettings.of(lab.knownHosts())),
        RunSettings.defaults()).listener(e -> { }).run(plan);
  }

  static LabHost host(Lab lab, String name) {
    return lab.topology().hosts().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
  }

  /** SSH to a lab machine, its host key already known (a changed key is refused). */
  static JschTransport ssh(Lab lab, String name) {
    LabHost h = host(lab, name);
    return new JschTransport(new SshTarget(h.name(), h.address(), 22, "root", lab.privateKey(), null),
        SshSettings.of(lab.knownHosts()).withTrust(HostKeyTrust.REFUSE));
  }

  /** The CLI in this JVM (the same code as ./kubeyard), its stdout and stderr also echoed. */
  static Cli cli(String... args) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    try {
      System.setOut(new PrintStream(tee(out, captured), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(tee(err, captured), true, StandardCharsets.UTF_8));
      int exit = Main.run(args);
      return new Cli(exit, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private static OutputStream tee(OutputStream a, OutputStream b) {
    return new OutputStream() {
      @Override
      public synchronized void write(int c) {
        try {
          b.write(c);
          a.write(c);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
  }
}

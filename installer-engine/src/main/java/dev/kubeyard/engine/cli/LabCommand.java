package dev.kubeyard.engine.cli;

import dev.kubeyard.engine.bundle.BundleLine;
import dev.kubeyard.engine.lab.Lab;
import dev.kubeyard.engine.lab.LabException;
import dev.kubeyard.engine.lab.LabHostStatus;
import dev.kubeyard.engine.lab.LabTopology;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** kubeyard lab up|down|status: local Debian machines (systemd-nspawn) to install on, on a private network. */
@Command(name = "lab", description = "Local test hosts: Debian machines (systemd-nspawn) on a private bridge, reachable over SSH.",
    subcommands = {LabCommand.Up.class, LabCommand.Down.class, LabCommand.Status.class})
final class LabCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** Which lab: its name, subnet and folder. */
  static final class Which {
    @Option(names = "--name", defaultValue = "lab", description = "lab name, 1-8 letters/digits (default: ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--subnet", defaultValue = "10.213.50", description = "first three octets of the lab's /24 (default: ${DEFAULT-VALUE})")
    String subnet;

    @Option(names = "--home", defaultValue = "/var/lib/kubeyard/lab", description = "where labs and the base image live (default: ${DEFAULT-VALUE})")
    Path home;

    @Option(names = "--workers", defaultValue = "2", description = "Linux workers node1..nodeN, 2-5 (default: "
        + "${DEFAULT-VALUE}; the Elasticsearch lab uses 3); give `down` the number `up` had")
    int workers;

    @Option(names = "--line", defaultValue = "current", description = "Kubernetes line of the cluster.yaml `up` writes: "
        + "current or 1.14, the version of that line's newest bundle built here (default: ${DEFAULT-VALUE})")
    String line;

    Lab lab() {
      if (workers < 2 || workers > 5) {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
            "--workers: must be 2 to 5 (found " + workers + "); fix: pass --workers 3 for the Elasticsearch lab");
      }
      LabTopology topology = LabTopology.standard(name, subnet);
      for (int n = 3; n <= workers; n++) {
        topology = topology.withWorker("node" + n);
      }
      BundleLine kubernetesLine;
      try {
        kubernetesLine = BundleLine.parse(line);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--line: " + e.getMessage());
      }
      return new Lab(home, topology, Lab.MIRROR, kubernetesLine);
    }
  }

  @Command(name = "up", description = "Create and boot the lab (2 lb, 2 masters, 2 nodes; etcd on master1, master2, node1) and write its cluster.yaml.")
  static final class Up implements Callable<Integer> {
    @Mixin Which which;

    @Override
    public Integer call() {
      Lab lab = which.lab();
      return guarded(() -> {
        lab.up(System.out::println);
        System.out.println("lab '" + which.name + "' is up; install it with: kubeyard apply -f " + lab.specFile());
        return 0;
      });
    }
  }

  @Command(name = "down", description = "Stop the lab's machines and remove them, their namespaces, the bridge and the lab folder (the base image stays).")
  static final class Down implements Callable<Integer> {
    @Mixin Which which;

    @Override
    public Integer call() {
      return guarded(() -> {
        which.lab().down(System.out::println);
        return 0;
      });
    }
  }

  @Command(name = "status", description = "Show each lab host: machine running, sshd answering, systemd state.")
  static final class Status implements Callable<Integer> {
    @Mixin Which which;

    @Override
    public Integer call() {
      List<LabHostStatus> all = which.lab().status();
      all.forEach(System.out::println);
      return all.stream().allMatch(s -> s.running() && s.sshdAnswers()) ? 0 : 1;
    }
  }

  private static int guarded(Callable<Integer> body) {
    try {
      return body.call();
    } catch (LabException e) {
      System.err.println("kubeyard lab: " + e.getMessage());
      System.err.println("  what to do: " + e.hint());
      return 1;
    } catch (Exception e) {
      System.err.println("kubeyard lab: " + e);
      return 1;
    }
  }
}

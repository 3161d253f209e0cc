package dev.kubeyard.engine.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * One lab host: a copy-on-write root (overlayfs: the shared base below, the host's own changes above),
 * booted with systemd-nspawn inside the host's network namespace. The nspawn flags allow containers
 * inside (containerd, runc) as MACHINE.md found: all capabilities, the keyring and bpf syscalls, and
 * a writable cgroup tree. Each machine gets its own cgroup subtree in every hierarchy (kubeyard/NAME),
 * seen inside as /sys/fs/cgroup: with the whole tree shared, two kubelets would both own /kubepods and
 * the machines' systemds would fight over the same system.slice. /dev/kmsg is bound read-only because
 * the kubelet's OOM watcher opens it; /var/lib/containerd is a plain directory of the build machine
 * because overlayfs refuses an upper layer on overlayfs. Every machine also sees the lab's one
 * {@code shared} folder at {@link #SHARED} (a bind mount of the same directory of the build machine):
 * the lab's stand-in for an NFS export, e.g. behind a ReadWriteMany hostPath volume.
 */
final class LabMachine {
  /** Where every lab machine sees the lab's shared folder. */
  static final String SHARED = "/srv/kubeyard-lab-shared";
  private final Path dir;
  private final Path base;
  private final LabHost host;
  private final String machineName;
  private final String netns;

  LabMachine(Path dir, Path base, LabHost host, String machineName, String netns) {
    this.dir = dir;
    this.base = base;
    this.host = host;
    this.machineName = machineName;
    this.netns = netns;
  }

  Path root() {
    return dir.resolve("root");
  }

  private Path pidFile() {
    return dir.resolve("nspawn.pid");
  }

  /** Mounts the host's root and, the first time, gives it its identity; returns its sshd's public key. */
  String prepare(String authorizedKey, List<LabHost> all) {
    LocalCommand.sh(String.join(" && ",
        "mkdir -p " + dir.resolve("upper") + " " + dir.resolve("work") + " " + root(),
        "(mountpoint -q " + root() + " || mount -t overlay overlay -o lowerdir=" + base + ",upperdir=" + dir.resolve("upper")
            + ",workdir=" + dir.resolve("work") + " " + root() + ")"))
        .orThrow("overlayfs is needed for the lab hosts' roots");
    Path hostKey = root().resolve("etc/ssh/ssh_host_ed25519_key");
    try {
      if (!Files.exists(hostKey)) {
        Files.writeString(root().resolve("etc/hostname"), host.name() + "\n");
        StringBuilder hosts = new StringBuilder("127.0.0.1 localhost\n");
        all.forEach(h -> hosts.append(h.address()).append(' ').append(h.name()).append('\n'));
        Files.writeString(root().resolve("etc/hosts"), hosts.toString());
        Files.writeString(root().resolve("etc/machine-id"), UUID.randomUUID().toString().replace("-", "") + "\n");
        Path ssh = root().resolve("root/.ssh");
        Files.createDirectories(ssh);
        Files.writeString(ssh.resolve("authorized_keys"), authorizedKey);
        LocalCommand.sh("chmod 700 " + ssh + " && chmod 600 " + ssh.resolve("authorized_keys")
            + " && ssh-keygen -q -t ed25519 -N '' -C " + host.name() + " -f " + hostKey)
            .orThrow("ssh-keygen is needed (openssh-client)");
      }
      return Files.readString(Path.of(hostKey + ".pub")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean running() {
    long pid = pid();
    return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private long pid() {
    try {
      return Files.exists(pidFile()) ? Long.parseLong(Files.readString(pidFile()).strip()) : -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The lab's CPU weight against everything else on the build machine (a session's processes weigh
   * 1024): when both want the CPU, the lab's machines together get a fifth of it. The lab stands in
   * for remote hosts, so it must not starve the app that drives it (the desktop's FX thread
   * stalled for up to a second while six machines installed on two cores).
   */
  static final int CPU_SHARES = 256;

  /** The cgroup hierarchies this machine (cgroup v1 with a unified mount beside, as MACHINE.md describes) has. */
  private static final String HIERARCHIES = "cpu cpuacct cpuset memory devices freezer blkio pids systemd unified";

  private Path cgroupTree() {
    return Path.of("/run/kubeyard-lab", machineName, "cgroup");
  }

  /** The lab's shared folder on the build machine: LAB/shared beside LAB/hosts. */
  private Path shared() {
    return dir.getParent().resolveSibling("shared");
  }

  /** Boots the machine in the background (its console goes to console.log); does nothing when it runs. */
  void boot() {
    if (running()) {
      return;
    }
    Path tree = cgroupTree();
    // the launching shell joins the machine's cgroups, so nspawn and everything it starts live there
    String cgroups = "set -e; mkdir -p " + dir.resolve("containerd") + " " + shared() + " " + tree + " && (mountpoint -q " + tree + " || mount -t tmpfs -o mode=755,size=64k kubeyard-cgroup " + tree + ")"
        + " && for h in " + HIERARCHIES + "; do [ -d /sys/fs/cgroup/$h ] || continue; d=/sys/fs/cgroup/$h/kubeyard/" + machineName
        + "; mkdir -p $d || exit 1;"
        + " if [ $h = cpuset ]; then for f in cpus mems; do cat /sys/fs/cgroup/cpuset/cpuset.$f > /sys/fs/cgroup/cpuset/kubeyard/cpuset.$f;"
        + " cat /sys/fs/cgroup/cpuset/cpuset.$f > $d/cpuset.$f; done; fi;"
        + " if [ $h = cpu ]; then echo " + CPU_SHARES + " > /sys/fs/cgroup/cpu/kubeyard/cpu.shares; fi;"
        + " echo $$ > $d/cgroup.procs || exit 1; mkdir -p " + tree + "/$h; mountpoint -q " + tree + "/$h || mount --bind $d " + tree + "/$h || exit 1; done";
    // /proc/sys/net writable: the host has its own network namespace, so its sysctls stay in the lab
    String nspawn = "SYSTEMD_NSPAWN_API_VFS_WRITABLE=network exec setsid systemd-nspawn --boot --quiet -D " + root()
        + " --machine=" + machineName + " --network-namespace-path=/run/netns/" + netns + " --register=no --keep-unit"
        + " --capability=all --system-call-filter='@keyring bpf' --bind=" + tree + ":/sys/fs/cgroup"
        + (Files.exists(Path.of("/dev/kmsg")) ? " --bind-ro=/dev/kmsg" : "")
        // containerd's overlayfs snapshots cannot sit on the machine's own overlayfs root
        + " --bind=" + dir.resolve("containerd") + ":/var/lib/containerd"
        + " --bind=" + shared() + ":" + SHARED
        + " --resolv-conf=off --timezone=off --link-journal=no --console=read-only";
    // a script of its own, so $$ is the shell that joins the cgroups and then becomes nspawn
    Path script = dir.resolve("boot.sh");
    try {
      Files.writeString(script, "#!/bin/sh\n# Written by kubeyard lab: boots " + host.name() + "\n" + cgroups + " || exit 1\n" + nspawn + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LocalCommand.sh("sh " + script + " > " + dir.resolve("console.log") + " 2>&1 < /dev/null & echo $! > " + pidFile())
        .orThrow("systemd-nspawn is needed: apt-get install systemd-container");
  }

  /** Unmounts the machine's cgroup view and removes its (then empty) cgroups. */
  private void releaseCgroups() {
    Path tree = cgroupTree();
    LocalCommand.sh("for h in " + HIERARCHIES + "; do mountpoint -q " + tree + "/$h && umount -l " + tree + "/$h;"
        + " d=/sys/fs/cgroup/$h/kubeyard/" + machineName + "; [ -d $d ] && find $d -depth -type d -exec rmdir {} + 2>/dev/null; done;"
        + " mountpoint -q " + tree + " && umount -l " + tree + "; rm -rf /run/kubeyard-lab/" + machineName + "; true");
  }

  /** Waits until the host's sshd accepts connections on its lab address. */
  void awaitSshd(Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!running()) {
        throw new LabException(host.name() + " stopped while booting; its console ended with:\n" + consoleTail(12),
            "see " + dir.resolve("console.log"));
      }
      if (sshdAnswers()) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LabException("interrupted while " + host.name() + " booted", "run kubeyard lab up again");
      }
    }
    throw new LabException(host.name() + "'s sshd did not answer on " + host.address() + ":22 within "
        + timeout.toSeconds() + " s", "see " + dir.resolve("console.log"));
  }

  /** The console's last lines, so a failed boot says why even after the lab is removed. */
  private String consoleTail(int lines) {
    try {
      List<String> all = Files.readAllLines(dir.resolve("console.log"));
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | java.io.UncheckedIOException e) {
      return "(no console log: " + e.getMessage() + ")";
    }
  }

  boolean sshdAnswers() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host.address(), 22), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Shuts the machine down (nspawn turns SIGTERM into an orderly shutdown), then unmounts its root. */
  void stop() {
    long pid = pid();
    if (pid > 0 && running()) {
      ProcessHandle p = ProcessHandle.of(pid).orElseThrow();
      p.destroy();
      try {
        p.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        p.destroyForcibly();
      }
    }
    LocalCommand.sh("mountpoint -q " + root() + " && (umount " + root() + " || umount -l " + root() + "); true");
    releaseCgroups();
  }

  void remove() {
    stop();
    LocalCommand.sh("rm -rf " + dir);
  }
}

package dev.kubeyard.engine.lab;

import dev.kubeyard.engine.bundle.BundleCache;
import dev.kubeyard.engine.bundle.BundleException;
import dev.kubeyard.engine.bundle.BundleLine;
import dev.kubeyard.engine.bundle.ManifestJson;
import dev.kubeyard.engine.files.AtomicFiles;
import dev.kubeyard.engine.transport.CommandResult;
import dev.kubeyard.engine.transport.JschTransport;
import dev.kubeyard.engine.transport.SshSettings;
import dev.kubeyard.engine.transport.SshTarget;
import dev.kubeyard.engine.transport.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A local lab: Debian machines (systemd-nspawn) on a private network, reachable over SSH exactly like a
 * real site, with the cluster.yaml, key and known_hosts that 'kubeyard apply' uses. The host keys go
 * into known_hosts when the hosts are created: Kubeyard made them, so they are trusted.
 */
public final class Lab {
  public static final Path HOME = Path.of("/var/lib/kubeyard/lab");
  public static final String MIRROR = "http://deb.debian.org/debian";
  /** Without a bundle built on this machine the lab spec names the current line's release. */
  public static final String KUBERNETES_VERSION = "1.35.0";

  private final Path home;
  private final LabTopology topology;
  private final LabNetwork network;
  private final BaseImage base;
  private final BundleLine line;

  public Lab(Path home, LabTopology topology, String mirror) {
    this(home, topology, mirror, BundleLine.CURRENT);
  }

  /** A lab whose cluster.yaml names the Kubernetes version of {@code line}'s newest bundle built here. */
  public Lab(Path home, LabTopology topology, String mirror, BundleLine line) {
    this.home = home;
    this.topology = topology;
    this.network = new LabNetwork(topology.name(), topology.prefix());
    this.base = new BaseImage(home.resolve("base"), mirror);
    this.line = line;
  }

  public static Lab standard() {
    return new Lab(HOME, LabTopology.standard(), MIRROR);
  }

  public Path dir() {
    return home.resolve(topology.name());
  }

  public Path specFile() {
    return dir().resolve("cluster.yaml");
  }

  public Path knownHosts() {
    return dir().resolve("known_hosts");
  }

  public Path privateKey() {
    return dir().resolve("id_ed25519");
  }

  public LabNetwork network() {
    return network;
  }

  public LabTopology topology() {
    return topology;
  }

  private LabMachine machine(LabHost h) {
    return new LabMachine(dir().resolve("hosts").resolve(h.name()), base.dir(), h, "ky-" + topology.name() + "-" + h.name(),
        network.hostNamespace(h.name()));
  }

  /** The version of the line's newest bundle built here (so 'apply' finds its binaries), else the current line's. */
  static String kubernetesVersion(BundleCache cache, BundleLine line) {
    return cache.latestBundle(line).flatMap(b -> {
      try {
        return java.util.Optional.of(ManifestJson.read(b).kubernetesVersion());
      } catch (BundleException e) {
        return java.util.Optional.empty();
      }
    }).orElseGet(() -> {
      if (line != BundleLine.CURRENT) { // a 1.14 lab without a 1.14 bundle would silently become a 1.35 one
        throw new LabException("no Kubernetes " + line + " bundle is built here, so the lab cannot name its version",
            "build it with 'kubeyard bundle build --line " + line + " --no-archive', then run 'kubeyard lab up --line "
                + line + "' again");
      }
      return KUBERNETES_VERSION;
    });
  }

  /**
   * The lab's machines share this machine's kernel: its kernel-wide settings are the lab's "hardware".
   * Elasticsearch pods need vm.max_map_count of 262144; kubelets and containerd watch many files; the
   * kubelets check the kernel's panic and overcommit settings.
   */
  private static void tuneKernel() {
    LocalCommand.sh("[ $(sysctl -n vm.max_map_count) -ge 262144 ] || sysctl -q -w vm.max_map_count=262144;"
        + " [ $(sysctl -n fs.inotify.max_user_watches) -ge 524288 ] || sysctl -q -w fs.inotify.max_user_watches=524288;"
        + " [ $(sysctl -n fs.inotify.max_user_instances) -ge 1024 ] || sysctl -q -w fs.inotify.max_user_instances=1024;"
        // the values the lab kubelets' protectKernelDefaults check expects (the nodes' sysctl.d sets them on real hosts)
        + " sysctl -q -w vm.overcommit_memory=1 vm.panic_on_oom=0 kernel.panic=10 kernel.panic_on_oops=1"
        + " kernel.keys.root_maxkeys=1000000 kernel.keys.root_maxbytes=25000000; true");
  }

  /** The kubelets' default imagefs.available eviction threshold: below it they evict every pod. */
  static final double KUBELET_EVICTION_FREE = 0.15;
  /**
   * What a lab run writes to the shared disk on top: CI dry run 19's lab pass (two clusters, their images,
   * Elasticsearch, PostgreSQL, logs) took 7.7 GiB from start to its lowest point; 10 GiB leaves a margin.
   */
  static final long LAB_GROWTH_BYTES = 10L << 30;

  /**
   * The lab's machines sit on this machine's disk, so each kubelet sees its whole size: below 15 % free they
   * evict every pod and garbage-collect images (DiskPressure), and the tests then time out with no word about
   * disk (CI dry run 7 at 14.5 % free; most likely the CI of stop 29 too, which started near 18 %). Say so
   * before booting anything, counting what the run itself will write.
   */
  static void checkDiskHeadroom(Path where) throws IOException {
    FileStore store = Files.getFileStore(where);
    String problem = diskProblem(store.toString(), store.getUsableSpace(), store.getTotalSpace());
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
  }

  /** Null when {@code usable} bytes of {@code total} keep the kubelets out of DiskPressure for a lab run, else why not. */
  static String diskProblem(String disk, long usable, long total) {
    long needed = (long) Math.ceil(KUBELET_EVICTION_FREE * total) + LAB_GROWTH_BYTES;
    if (usable >= needed) {
      return null;
    }
    long missing = (long) Math.ceil((double) (needed - usable) / (1L << 30));
    return String.format(java.util.Locale.ROOT, "the lab's disk %s has %.1f %% free (%d GiB of %d GiB), but its kubelets"
        + " evict every pod below 15 %% free (DiskPressure) and a lab run writes up to %d GiB there; fix: free at least"
        + " %d GiB (old labs: kubeyard lab down; build caches), then retry", disk, 100.0 * usable / total, usable >> 30,
        total >> 30, LAB_GROWTH_BYTES >> 30, missing);
  }

  /**
   * The lab's PKI passphrase (ADR 37), random, 0600, beside its cluster.yaml, where the CLI finds it: a lab
   * is a throwaway cluster on this machine, so it needs no prompt. Nothing but the lab writes this file.
   */
  private void labPassphrase() throws IOException {
    Path file = dir().resolve(dev.kubeyard.engine.pki.PkiPassphrase.LAB_FILE);
    if (!Files.exists(file)) {
      byte[] random = new byte[24];
      new java.security.SecureRandom().nextBytes(random);
      AtomicFiles.write(file, java.util.HexFormat.of().formatHex(random) + "\n", AtomicFiles.OWNER_ONLY);
    }
  }

  /** Creates and boots whatever is missing; a lab that is up stays as it is. */
  public void up(Consumer<String> progress) {
    String kubernetesVersion = kubernetesVersion(BundleCache.fromEnvironment(), line); // before anything is created: a missing bundle stops here
    if (!base.ready()) {
      progress.accept("building the Debian base image with debootstrap (once; about a minute)...");
    }
    base.ensure();
    tuneKernel();
    try {
      Files.createDirectories(dir());
      checkDiskHeadroom(dir());
      if (!Files.exists(privateKey())) {
        LocalCommand.run(30, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "kubeyard-lab-" + topology.name(),
            "-f", privateKey().toString()).orThrow("ssh-keygen is needed (openssh-client)");
      }
      labPassphrase();
      String authorized = Files.readString(Path.of(privateKey() + ".pub"));
      network.create();
      List<String> known = new ArrayList<>();
      for (LabHost h : topology.hosts()) {
        network.addHost(h.name(), h.index(), h.address());
        String[] pub = machine(h).prepare(authorized, topology.hosts()).split("\\s+");
        known.add(h.address() + " " + pub[0] + " " + pub[1]);
      }
      Files.writeString(knownHosts(), String.join("\n", known) + "\n");
      for (LabHost h : topology.hosts()) {
        LabMachine m = machine(h);
        if (!m.running()) {
          progress.accept("booting " + h.name() + " (" + h.address() + ")");
          m.boot();
        }
      }
      for (LabHost h : topology.hosts()) {
        machine(h).awaitSshd(Duration.ofSeconds(120));
      }
      Files.writeString(specFile(), LabSpec.yaml(topology, privateKey(), kubernetesVersion));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (LabHostStatus s : status()) {
      progress.accept(s.toString());
    }
  }

  /** Each host: machine running, sshd answering, and systemd's own view over SSH. */
  public List<LabHostStatus> status() {
    List<LabHostStatus> out = new ArrayList<>();
    for (LabHost h : topology.hosts()) {
      LabMachine m = machine(h);
      boolean running = m.running();
      boolean sshd = running && m.sshdAnswers();
      out.add(new LabHostStatus(h.name(), h.address(), running, sshd, sshd ? systemState(h) : "-"));
    }
    return out;
  }

  private String systemState(LabHost h) {
    SshSettings settings = SshSettings.of(knownHosts());
    try (JschTransport t = new JschTransport(new SshTarget(h.name(), h.address(), 22, "root", privateKey(), null), settings)) {
      CommandResult r = t.run("systemctl is-system-running --wait", Duration.ofSeconds(90));
      return r.output().strip();
    } catch (TransportException e) {
      return "unreachable over SSH: " + e.getMessage();
    }
  }

  /** Stops every machine, unmounts their roots, removes the namespaces, bridge and uplink, and the lab's files (not the base). */
  public void down(Consumer<String> progress) {
    for (LabHost h : topology.hosts()) {
      progress.accept("stopping " + h.name());
      machine(h).remove();
    }
    network.destroy();
    LocalCommand.sh("rm -rf " + dir());
    progress.accept("lab '" + topology.name() + "' removed (the base image stays in " + base.dir() + ")");
  }
}

package dev.kubeyard.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a commented example spec with the original notes' topology. */
@Command(name = "init", description = "Write a commented example cluster.yaml (2 LB, 2 masters, 3 etcd, 3 Linux nodes, 1 Windows node).")
final class InitCommand implements Callable<Integer> {

  @Option(names = {"-o", "--output"}, description = "where to write it (default: ${DEFAULT-VALUE})",
      defaultValue = "cluster.yaml")
  Path output;

  @Option(names = "--force", description = "overwrite an existing file")
  boolean force;

  @Override
  public Integer call() throws IOException {
    if (Files.exists(output) && !force) {
      System.err.println(output + " already exists; pass --force to overwrite it");
      return 1;
    }
    Files.writeString(output, exampleSpec());
    System.out.println("wrote " + output + "; check it with: kubeyard validate -f " + output);
    return 0;
  }

  static String exampleSpec() throws IOException {
    try (InputStream in = InitCommand.class.getResourceAsStream("/kubeyard/examples/cluster.yaml")) {
      if (in == null) {
        throw new IOException("the example spec is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

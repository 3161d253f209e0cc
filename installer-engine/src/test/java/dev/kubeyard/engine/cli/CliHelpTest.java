package dev.kubeyard.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** An administrator's first question, {@code kubeyard … --help}, is answered by every command. */
class CliHelpTest {

  @Test
  void everyCommandAndSubcommandPrintsItsUsageWithHelpEvenWhenItHasRequiredOptions() {
    List<String> commands = new ArrayList<>();
    collect(Main.commandLine(), commands);
    assertThat(commands).contains("kubeyard apply", "kubeyard audit", "kubeyard es deploy", "kubeyard python-service deploy",
        "kubeyard bundle fetch", "kubeyard sqlserver deploy", "kubeyard sqlserver status");

    for (String command : commands) {
      String[] args = (command.substring("kubeyard".length()).strip() + " --help").strip().split(" ");
      PrintStream was = System.out;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int exit;
      try {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        exit = Main.run(args);
      } finally {
        System.setOut(was);
      }
      assertThat(exit).as(command + " --help").isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).as(command + " --help").startsWith("Usage: " + command);
    }
  }

  private static void collect(CommandLine line, List<String> into) {
    into.add(line.getCommandSpec().qualifiedName());
    line.getSubcommands().values().forEach(sub -> collect(sub, into));
  }
}

package dev.kubeyard.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.engine.testing.Specs;
import dev.kubeyard.model.validate.Validator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `kubeyard validate` lists the problems in the user's language. */
class ValidateCommandTest {
  @TempDir Path tmp;

  private Path invalidSpec() throws IOException {
    return Files.writeString(tmp.resolve("cluster.yaml"),
        Specs.exampleYaml().replace("interfaceName: eth0", "interfaceName: 192.168.1.12"));
  }

  private static String report(Path file, Locale locale) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ValidateCommand.report(file, Validator.load(file).problems(), out, locale);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theReportIsEnglishByDefaultAndChineseForAChineseReader() throws IOException {
    Path spec = invalidSpec();
    assertThat(report(spec, Locale.ROOT)).isEqualTo(spec + " has 1 problem:\n"
        + "  - loadBalancer.interfaceName: must be a network interface name (keepalived's 'interface'), not an address"
        + " (found '192.168.1.12'); fix: use the LB hosts' interface name, e.g. eth0\n");
    assertThat(report(spec, Locale.SIMPLIFIED_CHINESE)).isEqualTo(spec + " 有 1 个问题：\n"
        + "  - loadBalancer.interfaceName：必须是网卡名称（即 keepalived 的 'interface'），不能是地址"
        + "（当前值 '192.168.1.12'）；修改建议：填写 lb 主机上的网卡名称，例如 eth0\n");
  }

  @Test
  void theLanguageComesFromLcAllThenLcMessagesThenLang() {
    Locale zh = Locale.SIMPLIFIED_CHINESE;
    assertThat(CliLanguage.of(Map.of("LANG", "zh_CN.UTF-8"), Locale.US)).isEqualTo(zh);
    assertThat(CliLanguage.of(Map.of("LANG", "zh_CN.GBK"), Locale.US)).isEqualTo(zh);
    assertThat(CliLanguage.of(Map.of("LC_ALL", "C", "LANG", "zh_CN.UTF-8"), Locale.US)).isEqualTo(Locale.ROOT);
    assertThat(CliLanguage.of(Map.of("LC_MESSAGES", "zh_TW.UTF-8", "LANG", "en_US.UTF-8"), Locale.US)).isEqualTo(zh);
    assertThat(CliLanguage.of(Map.of("LANG", "en_US.UTF-8"), Locale.SIMPLIFIED_CHINESE)).isEqualTo(Locale.ROOT);
    assertThat(CliLanguage.of(Map.of("LANG", "POSIX"), Locale.US)).isEqualTo(Locale.ROOT);
    // Windows sets none of them: the JVM's locale (the system's) decides
    assertThat(CliLanguage.of(Map.of(), Locale.SIMPLIFIED_CHINESE)).isEqualTo(zh);
    assertThat(CliLanguage.of(Map.of("LANG", ""), Locale.GERMANY)).isEqualTo(Locale.ROOT);
  }

  @Test
  void validateUnderAChineseLangPrintsChineseAndUnderCEnglish() throws Exception {
    Path spec = invalidSpec();
    String zh = validateIn("zh_CN.UTF-8", spec);
    assertThat(zh).contains(spec + " 有 1 个问题：")
        .contains("loadBalancer.interfaceName：必须是网卡名称（即 keepalived 的 'interface'），不能是地址")
        .contains("修改建议：填写 lb 主机上的网卡名称，例如 eth0");
    assertThat(validateIn("C", spec)).contains(spec + " has 1 problem:")
        .contains("fix: use the LB hosts' interface name, e.g. eth0");
  }

  /** Runs `kubeyard validate` in a JVM of its own, so the locale comes from a real environment. */
  private static String validateIn(String lang, Path spec) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    // UTF-8 out: the console's own encoding is a separate concern (issue 20); here only the language is checked
    ProcessBuilder b = new ProcessBuilder(List.of(java, "-Dfile.encoding=UTF-8", "-cp", classpath,
        Main.class.getName(), "validate", "-f", spec.toString())).redirectErrorStream(true);
    b.environment().remove("LC_ALL");
    b.environment().remove("LC_MESSAGES");
    b.environment().put("LANG", lang);
    Process p = b.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isEqualTo(1);
    return out;
  }
}

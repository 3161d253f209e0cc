package dev.kubeyard.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The problem bundles stay complete and well formed in both languages, like the desktop's I18nTest. */
class ProblemMessagesTest {
  private static final ResourceBundle EN = ProblemMessages.bundle(Locale.ROOT);
  private static final ResourceBundle ZH = ProblemMessages.bundle(Locale.SIMPLIFIED_CHINESE);
  /** Texts that are only the reader's own words ({0}) in every language. */
  private static final Set<String> SAME_IN_BOTH = Set.of("yaml.mapping.rule", "form.unopened.rule");

  /** The keys a file itself defines (a bundle's keySet() would include its parent's). */
  private static Set<String> keys(String file) throws IOException {
    Properties p = new Properties();
    try (var in = ProblemMessagesTest.class.getResourceAsStream(file)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return new TreeSet<>(p.stringPropertyNames());
  }

  @Test
  void theChineseFileHasExactlyTheEnglishKeys() throws IOException {
    assertThat(ZH.getLocale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(keys("problems_zh_CN.properties")).isEqualTo(keys("problems.properties"));
  }

  @Test
  void everyProblemKeyHasARuleAndAFix() {
    Set<String> bases = problemKeys();
    assertThat(bases).hasSizeGreaterThan(80);
    for (String base : bases) {
      assertThat(EN.containsKey(base + ".rule") && EN.containsKey(base + ".fix")).as(base).isTrue();
    }
  }

  @Test
  void bothLanguagesFillTheSameSlots() {
    for (String key : EN.keySet()) {
      assertThat(slots(ZH.getString(key), Locale.SIMPLIFIED_CHINESE)).as(key).isEqualTo(slots(EN.getString(key), Locale.ROOT));
    }
  }

  @Test
  void everyApostropheIsWrittenTwiceAsMessageFormatNeeds() {
    Pattern lone = Pattern.compile("(?<!')'(?!')");
    for (ResourceBundle b : new ResourceBundle[] {EN, ZH}) {
      for (String key : b.keySet()) {
        assertThat(lone.matcher(b.getString(key)).find()).as(b.getLocale() + " " + key + ": " + b.getString(key)).isFalse();
      }
    }
  }

  @Test
  void everyChineseTextIsReallyTranslated() {
    Set<String> same = EN.keySet().stream().filter(k -> EN.getString(k).equals(ZH.getString(k)))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(same).isEqualTo(new TreeSet<>(SAME_IN_BOTH));
  }

  @Test
  void anEnglishReaderOnAChineseMachineStillGetsEnglish() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
      assertThat(Problem.of("hosts", "[]", "hosts.none").rule(Locale.ENGLISH)).isEqualTo("a cluster needs hosts");
      assertThat(Problem.of("hosts", "[]", "hosts.none").toString()).startsWith("hosts: a cluster needs hosts");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void everyKeyTheCodeUsesExists() throws IOException {
    Set<String> used = SourceKeys.scan();
    assertThat(used).hasSizeGreaterThan(80).contains("form.notANumber", "form.numberRequired", "cidr.hostBits", "yaml.unknownRole");
    assertThat(used).allSatisfy(key -> assertThat(EN.containsKey(key + ".rule")).as(key).isTrue());
  }

  @Test
  void theCasesAndFixturesExerciseEveryRuleKey() throws IOException {
    Set<String> seen = EnglishProblemsGoldenTest.problems().stream().map(Problem::key).collect(Collectors.toSet());
    // warnings are pinned by their own test (TopologyWarningsTest), not the English golden
    seen.add("topology.etcdOnWorker");
    // reached only through a missing file, a YAML syntax error outside a mapping, or the desktop's forms
    Set<String> elsewhere = Set.of("yaml.unreadable", "yaml.empty", "yaml.syntax", "form.numberRequired",
        "form.notANumber", "form.unchecked", "form.unopened");
    Set<String> unseen = new TreeSet<>(problemKeys());
    unseen.removeAll(seen);
    // the engine reads the administrator's certificate files when it plans (IngressCertificateCheckTest)
    unseen.removeIf(key -> key.startsWith("ingressCertificate."));
    assertThat(unseen).isEqualTo(new TreeSet<>(elsewhere));
  }

  @Test
  void aChineseReaderSeesAFixtureWordForWord() {
    Problem p = Validator.load(java.nio.file.Path.of("src/test/resources/fixtures/invalid-keepalived-interface-is-an-ip.yaml"))
        .problems().get(0);
    assertThat(p.toString(Locale.SIMPLIFIED_CHINESE)).isEqualTo("loadBalancer.interfaceName："
        + "必须是网卡名称（即 keepalived 的 'interface'），不能是地址（当前值 '10.200.0.21'）；"
        + "修改建议：填写 lb 主机上的网卡名称，例如 eth0");
    Problem vip = Validator.load(java.nio.file.Path.of("src/test/resources/fixtures/invalid-vip-equals-host.yaml"))
        .problems().get(0);
    assertThat(vip.rule(Locale.SIMPLIFIED_CHINESE))
        .isEqualTo("VIP 与主机 'lb2'（hosts[1]）的地址相同，而 keepalived 会让 VIP 在主机之间漂移");
    assertThat(vip.fix(Locale.SIMPLIFIED_CHINESE)).isEqualTo("使用同一网络中未被占用的地址");
  }

  private static Set<String> problemKeys() {
    return EN.keySet().stream().filter(k -> k.endsWith(".rule") || k.endsWith(".fix"))
        .map(k -> k.substring(0, k.lastIndexOf('.'))).collect(Collectors.toCollection(TreeSet::new));
  }

  /** Which {n} a pattern shows: formatted with markers, so a quoting mistake shows as a missing slot. */
  private static Set<Integer> slots(String pattern, Locale locale) {
    Object[] markers = IntStream.range(0, 10).mapToObj(i -> "\u0001" + i + "\u0001").toArray();
    String out = new MessageFormat(pattern, locale).format(markers);
    Matcher m = Pattern.compile("\u0001(\\d)\u0001").matcher(out);
    Set<Integer> found = new TreeSet<>();
    while (m.find()) {
      found.add(Integer.parseInt(m.group(1)));
    }
    return found;
  }
}

package dev.kubeyard.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.desktop.fx.ProblemText;
import dev.kubeyard.desktop.fx.Threads;
import dev.kubeyard.desktop.i18n.I18n;
import dev.kubeyard.desktop.i18n.Language;
import javafx.beans.binding.StringBinding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A problem's rule and fix speak the wizard's language, and switch with it, not only the frame around them. */
class ProblemLanguageTest {
  private final WizardViewModel wizard = new WizardViewModel(Threads.synchronous());
  private final I18n i18n = new I18n(Language.ENGLISH);

  @BeforeEach
  void newCluster() {
    wizard.start.newCluster();
  }

  @Test
  void theHostsPageOfANewClusterSaysWhatIsMissingInTheChosenLanguage() {
    StringBinding shown = ProblemText.lines(wizard.hosts.listProblems(), i18n, ProblemText::withPath);
    assertThat(shown.get())
        .isEqualTo("hosts: a cluster needs hosts (found '[]'). Fix: add at least one host with roles etcd, master, node");

    i18n.languageProperty().set(Language.SIMPLIFIED_CHINESE);

    assertThat(shown.get()).isEqualTo("hosts：集群至少需要一台主机（当前值 '[]'）。修改建议：至少添加一台角色为 etcd、master、node 的主机");
  }

  @Test
  void aFieldTheWizardItselfRefusesIsInChineseToo() {
    i18n.languageProperty().set(Language.SIMPLIFIED_CHINESE);
    wizard.hosts.addHost();
    wizard.hosts.hosts().get(0).sshPort.set("2x");

    StringBinding shown = ProblemText.lines(wizard.validation().at(wizard.hosts.pathOf("ssh.port")), i18n, ProblemText::inline);

    assertThat(shown.get()).isEqualTo("不是整数（当前值 '2x'）。修改建议：只输入数字");
    i18n.languageProperty().set(Language.ENGLISH);
    assertThat(shown.get()).isEqualTo("not a whole number (found '2x'). Fix: type digits only");
  }
}

package dev.kubeyard.engine.apps.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpgradePathTest {

  static java.util.Optional<String> refusal(String from, String to) {
    return UpgradePath.refusal(EsVersion.of(from), EsVersion.of(to));
  }

  @Test
  void patchAndMinorUpgradesWithinAMajorAreAllowed() {
    assertThat(refusal("7.17.28", "7.17.29")).isEmpty();
    assertThat(refusal("7.10.2", "7.17.29")).isEmpty();
    assertThat(refusal("7.17.29", "7.17.29")).isEmpty();
  }

  @Test
  void eightZeroComesOnlyFromSevenSeventeen() {
    assertThat(refusal("7.17.29", "8.0.0")).isEmpty();
    assertThat(refusal("7.16.3", "8.0.0")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("starts from 7.17 only").contains("7.16.3");
  }

  @Test
  void sixEightUpgradesToSevenButSixSevenDoesNot() {
    assertThat(refusal("6.8.23", "7.17.29")).isEmpty();
    assertThat(refusal("6.7.2", "7.0.0")).isPresent();
  }

  @Test
  void aMajorCannotBeSkipped() {
    assertThat(refusal("6.8.23", "8.19.0")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("in one step").contains("6.8");
  }

  @Test
  void nothingGoesBackwardsNotEvenAPatch() {
    assertThat(refusal("7.17.29", "7.17.28")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("cannot downgrade").contains("snapshot");
  }
}

package dev.kubeyard.engine.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The lab refuses to boot on a disk its kubelets would find under pressure before the run ends (15 % free
 * of the whole disk, plus what a lab run writes), and says how much to free.
 */
class LabDiskHeadroomTest {
  private static final long GIB = 1L << 30;

  @Test
  void aDiskUnderFifteenPercentFreeIsRefusedWithTheSpaceToFree() {
    // what the kubelets saw on the CI machine: 36.5 GiB free of 252 GiB (14.5 %), every pod evicted
    String problem = Lab.diskProblem("/ (/dev/vda)", 36 * GIB + GIB / 2, 252 * GIB);
    assertThat(problem).contains("/ (/dev/vda)", "14.5 % free", "36 GiB of 252 GiB", "below 15 % free", "DiskPressure",
        "writes up to 10 GiB", "free at least 12 GiB");
  }

  @Test
  void aDiskAboveFifteenPercentIsStillRefusedWhenTheRunWouldTakeItBelow() {
    // 18 % of 252 GiB: above the threshold at the start, under it after a lab pass's 7.7 GiB
    String problem = Lab.diskProblem("/", (long) (0.18 * 252 * GIB), 252 * GIB);
    assertThat(problem).contains("18.0 % free", "free at least 3 GiB");
  }

  @Test
  void aDiskWithRoomForTheRunPasses() {
    assertThat(Lab.diskProblem("/", 62 * GIB, 252 * GIB)).isNull();
    assertThat(Lab.diskProblem("/", (long) Math.ceil(0.15 * 252 * GIB) + 10 * GIB, 252 * GIB)).isNull();
    // a large disk needs its 15 % and the run's 10 GiB, not a larger share
    assertThat(Lab.diskProblem("/", 160 * GIB, 1000 * GIB)).isNull();
  }
}

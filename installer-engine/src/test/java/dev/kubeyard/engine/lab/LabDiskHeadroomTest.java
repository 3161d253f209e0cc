package dev.kubeyard.engine.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lab refuses to boot on a disk its kubelets would find under pressure, and says how much to free. */
class LabDiskHeadroomTest {
  private static final long GIB = 1L << 30;

  @Test
  void aDiskWithLessThanSixteenPercentFreeIsRefusedWithTheSpaceToFree() {
    // what the kubelets saw on the CI machine: 36.5 GiB free of 252 GiB (14.5 %), every pod evicted
    String problem = Lab.diskProblem("/ (/dev/vda)", 36 * GIB + GIB / 2, 252 * GIB);
    assertThat(problem).contains("/ (/dev/vda)", "14.5 % free", "36 GiB of 252 GiB", "below 15 %", "DiskPressure",
        "free at least 4 GiB");
  }

  @Test
  void aDiskWithEnoughFreeSpacePasses() {
    assertThat(Lab.diskProblem("/", 59 * GIB, 252 * GIB)).isNull();
    assertThat(Lab.diskProblem("/", (long) (0.16 * 252 * GIB) + 1, 252 * GIB)).isNull();
  }
}

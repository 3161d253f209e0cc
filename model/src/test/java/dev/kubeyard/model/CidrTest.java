package dev.kubeyard.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.model.net.Cidr;
import dev.kubeyard.model.net.Ipv4;
import org.junit.jupiter.api.Test;

class CidrTest {
  @Test
  void theFirstServiceIpOfTheDefaultRangeIs10_68_0_1() {
    assertThat(Cidr.of("10.68.0.0/16").address(1)).hasToString("10.68.0.1");
  }

  @Test
  void overlappingRangesAreDetectedEitherWay() {
    assertThat(Cidr.of("10.0.0.0/8").overlaps(Cidr.of("10.68.0.0/16"))).isTrue();
    assertThat(Cidr.of("10.68.0.0/16").overlaps(Cidr.of("10.0.0.0/8"))).isTrue();
    assertThat(Cidr.of("10.68.0.0/16").overlaps(Cidr.of("172.20.0.0/16"))).isFalse();
  }

  @Test
  void addressesWithLeadingZerosOrOutOfRangeOctetsAreRefused() {
    assertThat(Ipv4.parse("192.168.01.1")).isEmpty();
    assertThat(Ipv4.parse("192.168.1.256")).isEmpty();
    assertThat(Ipv4.parse("192.168.13")).isEmpty();
  }

  @Test
  void aCidrWithHostBitsSetIsRefusedWithTheNetworkAddressAsTheFix() {
    assertThat(Cidr.parse("10.68.0.1/16")).isInstanceOfSatisfying(Cidr.Refused.class,
        r -> assertThat(r).isEqualTo(new Cidr.Refused("cidr.hostBits", java.util.List.of("16", "10.68.0.0"))));
  }
}

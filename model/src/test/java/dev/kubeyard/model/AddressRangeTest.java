package dev.kubeyard.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeyard.model.net.AddressRange;
import dev.kubeyard.model.net.Cidr;
import dev.kubeyard.model.net.Ipv4;
import org.junit.jupiter.api.Test;

class AddressRangeTest {

  @Test
  void aDashRangeAndACidrAreTheFormsMetalLbAccepts() {
    assertThat(AddressRange.parse("192.168.1.200-192.168.1.220").orElseThrow().size()).isEqualTo(21);
    assertThat(AddressRange.parse("192.168.1.224/28").orElseThrow().toString()).isEqualTo("192.168.1.224-192.168.1.239");
  }

  @Test
  void backwardsRangesHostBitsAndSingleAddressesAreRefused() {
    assertThat(AddressRange.parse("192.168.1.220-192.168.1.200")).isEmpty();
    assertThat(AddressRange.parse("192.168.1.225/28")).isEmpty();
    assertThat(AddressRange.parse("192.168.1.200")).isEmpty();
    assertThat(AddressRange.parse("")).isEmpty();
  }

  @Test
  void overlapAndContainmentCountBothEnds() {
    AddressRange r = AddressRange.parse("10.0.0.10-10.0.0.20").orElseThrow();
    assertThat(r.overlaps(AddressRange.parse("10.0.0.20-10.0.0.30").orElseThrow())).isTrue();
    assertThat(r.overlaps(AddressRange.parse("10.0.0.21-10.0.0.30").orElseThrow())).isFalse();
    assertThat(r.contains(Ipv4.parse("10.0.0.10").orElseThrow())).isTrue();
    assertThat(r.inside(Cidr.of("10.0.0.0/27"))).isTrue();
    assertThat(r.inside(Cidr.of("10.0.0.16/28"))).isFalse();
  }
}

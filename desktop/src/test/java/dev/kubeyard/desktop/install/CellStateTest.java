package dev.kubeyard.desktop.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellStateTest {

  @Test
  void aCellShowsTheMostUrgentStateOfItsSteps() {
    assertThat(CellState.combine(List.of())).isEqualTo(CellState.NONE);
    assertThat(CellState.combine(List.of(CellState.DONE, CellState.FAILED))).isEqualTo(CellState.FAILED);
    assertThat(CellState.combine(List.of(CellState.DONE, CellState.PENDING))).isEqualTo(CellState.RUNNING);
    assertThat(CellState.combine(List.of(CellState.PENDING, CellState.PENDING))).isEqualTo(CellState.PENDING);
    assertThat(CellState.combine(List.of(CellState.SKIPPED, CellState.DONE))).isEqualTo(CellState.DONE);
    assertThat(CellState.combine(List.of(CellState.SKIPPED))).isEqualTo(CellState.SKIPPED);
  }
}

package org.nrmreferrals.authority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The allocation rules over every combination of the facts they read. */
class AllocationTest {
  private static final List<Allocation.Candidate> REGISTERED =
      List.of(
          new Allocation.Candidate("SCA", AuthorityKind.SCA, List.of()),
          new Allocation.Candidate("IECA", AuthorityKind.IECA, List.of()),
          new Allocation.Candidate("PANEL", AuthorityKind.CHILD_PANEL, List.of("LA_IN")));

  @ParameterizedTest(name = "child {0}, immigration {1}, area {2} -> {3}")
  @CsvSource({
    "false, false, ,       SCA",
    "false, true,  ,       IECA",
    "false, false, LA_IN,  SCA",
    "false, true,  LA_IN,  IECA",
    "true,  false, ,       SCA",
    "true,  true,  ,       IECA",
    "true,  false, LA_OUT, SCA",
    "true,  true,  LA_OUT, IECA",
    "true,  false, LA_IN,  PANEL",
    // A child in a pilot area goes to the panel even when in the IECA's circumstances.
    "true,  true,  LA_IN,  PANEL"
  })
  void allocatesByTheStatedRules(boolean child, boolean immigration, String area, String expected) {
    assertEquals(
        expected, Allocation.allocate(new Allocation.Facts(child, immigration, area), REGISTERED));
  }

  @ParameterizedTest(name = "an inactive panel is skipped")
  @CsvSource({"true, false, LA_IN, SCA"})
  void skipsAPanelThatIsNotActive(boolean child, boolean immigration, String area, String to) {
    assertEquals(
        to,
        Allocation.allocate(
            new Allocation.Facts(child, immigration, area), REGISTERED.subList(0, 2)));
    assertThrows(
        IllegalStateException.class,
        () -> Allocation.allocate(new Allocation.Facts(false, false, null), List.of()));
  }
}

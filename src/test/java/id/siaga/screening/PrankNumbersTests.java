package id.siaga.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which station a prank number belongs to, how the numbers are ordered, and what is left of a number outside its station. */
class PrankNumbersTests {

    static final Instant T = Instant.parse("2026-12-01T14:00:00Z");

    static PrankHistory.NumberAtStation at(String number, String station, int pranks, int minutes) {
        return new PrankHistory.NumberAtStation(number, station, pranks, T.plusSeconds(60L * minutes));
    }

    @Test
    void aNumberBelongsToTheStationThatTookMostOfItsPranks() {
        List<PrankNumbers.Prankster> p = PrankNumbers.of(List.of(at("+6281234564521", "POLRES-3404", 2, 10), at("+6281234564521", "POLRES-3402", 5, 5)),
                s -> true);
        assertThat(p).containsExactly(new PrankNumbers.Prankster("+6281234564521", 7, 7, "POLRES-3402", 5, T.plusSeconds(600)));
    }

    @Test
    void onATieTheStationItPrankedLastThenTheLowerId() {
        assertThat(PrankNumbers.owner(List.of(at("n", "B", 3, 1), at("n", "A", 3, 9))).station()).isEqualTo("A");
        assertThat(PrankNumbers.owner(List.of(at("n", "B", 3, 9), at("n", "A", 3, 1))).station()).isEqualTo("B");
        assertThat(PrankNumbers.owner(List.of(at("n", "B", 3, 9), at("n", "A", 3, 9))).station()).isEqualTo("A");
    }

    @Test
    void mostPranksInScopeFirstAndNumbersWithNoneInScopeLeftOut() {
        Set<String> sleman = Set.of("POLRES-3404");
        List<PrankNumbers.Prankster> p = PrankNumbers.of(List.of(at("+62811", "POLRES-3404", 2, 1), at("+62811", "POLRES-3402", 9, 2),
                at("+62812", "POLRES-3404", 4, 3), at("+62813", "POLRES-3402", 20, 4)), sleman::contains);
        assertThat(p).extracting(PrankNumbers.Prankster::number).containsExactly("+62812", "+62811");
        assertThat(p.get(1).pranksInScope()).isEqualTo(2);
        assertThat(p.get(1).pranks()).isEqualTo(11);
        assertThat(p.get(1).owner()).as("outside Sleman").isEqualTo("POLRES-3402");
    }

    @Test
    void aMaskedNumberShowsOnlyItsLastFourDigitsAndNotItsLength() {
        assertThat(PrankNumbers.masked("+6281234564521")).isEqualTo("•••••••4521");
        assertThat(PrankNumbers.masked("+62274512")).isEqualTo("•••••••4512");
        assertThat(PrankNumbers.masked("123")).isEqualTo("•••••••123");
    }
}

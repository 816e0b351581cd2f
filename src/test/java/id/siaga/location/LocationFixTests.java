package id.siaga.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A fix is a real WGS84 position with an honest uncertainty, whatever source built it. */
class LocationFixTests {

    static LocationFix fix(double latitude, double longitude, double uncertaintyMeters) {
        return new LocationFix(latitude, longitude, uncertaintyMeters, LocationSource.AML, "", Optional.empty());
    }

    @Test
    void outOfRangeOrNanPositionsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> fix(-90.5, 110.3, 5)).withMessageContaining("latitude");
        assertThatIllegalArgumentException().isThrownBy(() -> fix(-7.7, 180.01, 5)).withMessageContaining("longitude");
        assertThatIllegalArgumentException().isThrownBy(() -> fix(Double.NaN, 110.3, 5)).withMessageContaining("latitude");
        assertThatIllegalArgumentException().isThrownBy(() -> fix(-7.7, Double.NaN, 5)).withMessageContaining("longitude");
    }

    @Test
    void uncertaintyIsUnknownOrAFiniteDistance() {
        assertThat(fix(-7.7, 110.3, Double.NaN).hasUncertainty()).isFalse();
        assertThat(fix(-7.7, 110.3, 0).hasUncertainty()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> fix(-7.7, 110.3, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> fix(-7.7, 110.3, Double.POSITIVE_INFINITY));
    }

    @Test
    void noNullsInside() {
        assertThatNullPointerException().isThrownBy(() -> new LocationFix(-7.7, 110.3, 5, null, "", Optional.empty()));
        assertThatNullPointerException().isThrownBy(() -> new LocationFix(-7.7, 110.3, 5, LocationSource.AML, null, Optional.empty()));
        assertThatNullPointerException().isThrownBy(() -> new LocationFix(-7.7, 110.3, 5, LocationSource.AML, "", null));
    }

    @Test
    void aPidfLoResultHasAFixOrAProblemNeverBothNorNeither() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PidfLoResult(Optional.of(fix(-7.7, 110.3, 5)), "broken", List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new PidfLoResult(Optional.empty(), "", List.of()));
        assertThat(new PidfLoResult(Optional.empty(), "by reference", List.of("https://lis.example/1")).located()).isFalse();
    }
}

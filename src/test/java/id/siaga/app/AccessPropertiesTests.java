package id.siaga.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.util.unit.DataSize;

/** The password hash's cost: 10 unless set, never below 10 in production, and a stored hash keeps the cost it was made with. */
class AccessPropertiesTests {

    static AccessProperties withCost(int cost, boolean forTests) {
        return new AccessProperties("", DataSize.ofMegabytes(1), 3, 10, Duration.ofMinutes(15), Duration.ofMinutes(15), 20, 100,
                Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(30), 10_000, cost, forTests,
                Duration.ofSeconds(15));
    }

    @Test
    void aWeakCostIsRefusedUnlessItIsTheProjectsTests() {
        assertThat(withCost(10, false).passwordHashCost()).isEqualTo(10);
        assertThat(withCost(12, false).passwordHashCost()).isEqualTo(12);
        assertThatThrownBy(() -> withCost(9, false)).hasMessage("siaga.access.password-hash-cost must be between 10 and 31, got 9");
        assertThatThrownBy(() -> withCost(32, false)).hasMessageContaining("between 10 and 31");
        assertThat(withCost(4, true).passwordHashCost()).isEqualTo(4);
        assertThatThrownBy(() -> withCost(3, true)).hasMessage("siaga.access.password-hash-cost must be between 4 and 31, got 3");
    }

    @Test
    void aHashMadeAtOneCostIsCheckedByAnEncoderOfAnother() {
        String strong = new BCryptPasswordEncoder(10).encode("kata-sandi-panjang");
        assertThat(strong).startsWith("$2a$10$");
        assertThat(new BCryptPasswordEncoder(4).matches("kata-sandi-panjang", strong)).isTrue();
        assertThat(new BCryptPasswordEncoder(12).matches("kata-sandi-panjang", new BCryptPasswordEncoder(4).encode("kata-sandi-panjang"))).isTrue();
    }
}

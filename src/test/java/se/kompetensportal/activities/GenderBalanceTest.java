package se.kompetensportal.activities;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import se.kompetensportal.activities.domain.GenderBalance;
import se.kompetensportal.activities.domain.GenderCount;
import se.kompetensportal.activities.domain.RegistrationState;
import se.kompetensportal.activities.domain.TrainerGender;

import static org.assertj.core.api.Assertions.assertThat;

/** The 40/60 rule among trainers, and when one can sign up. */
class GenderBalanceTest {

    @Test
    void fortySixtyIsWithinAndAnythingBeyondIsOutside() {
        assertThat(new GenderBalance(2, 3, 0).isOutside()).isFalse();
        assertThat(new GenderBalance(3, 2, 0).isOutside()).isFalse();
        assertThat(new GenderBalance(1, 2, 0).isOutside()).isTrue();
        assertThat(new GenderBalance(7, 3, 0).isOutside()).isTrue();
        assertThat(new GenderBalance(1, 0, 0).isOutside()).isTrue();
        assertThat(new GenderBalance(0, 0, 2).isOutside()).isFalse();
        assertThat(GenderBalance.NONE.isOutside()).isFalse();
        assertThat(new GenderBalance(1, 1, 5).isOutside()).isFalse();
        assertThat(new GenderBalance(2, 1, 0).womenPercent()).isEqualTo(67);
        assertThat(new GenderBalance(2, 1, 0).menPercent()).isEqualTo(33);
        assertThat(GenderBalance.NONE.womenPercent()).isNull();
    }

    @Test
    void groupedCountsBecomeOneBalancePerKey() {
        var balances = GenderBalance.byKey(List.of(new GenderCount(1, TrainerGender.WOMAN, 2),
                new GenderCount(1, TrainerGender.MAN, 1), new GenderCount(2, TrainerGender.NON_BINARY, 1)));
        assertThat(balances.get(1L)).isEqualTo(new GenderBalance(2, 1, 0));
        assertThat(balances.get(2L)).isEqualTo(new GenderBalance(0, 0, 1));
        assertThat(GenderBalance.of(List.of(TrainerGender.WOMAN, TrainerGender.MAN, TrainerGender.MAN)))
                .isEqualTo(new GenderBalance(1, 2, 0));
    }

    @Test
    void registrationIsOpenBetweenOpeningAndClosingWhileSeatsAreLeft() {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        Instant later = now.plusSeconds(3600);
        Instant earlier = now.minusSeconds(3600);
        assertThat(RegistrationState.of(ActivityStatus.PUBLISHED, null, later, 3, now)).isEqualTo(RegistrationState.OPEN);
        assertThat(RegistrationState.of(ActivityStatus.PUBLISHED, later, later.plusSeconds(60), 3, now))
                .isEqualTo(RegistrationState.NOT_YET_OPEN);
        assertThat(RegistrationState.of(ActivityStatus.PUBLISHED, null, earlier, 3, now)).isEqualTo(RegistrationState.CLOSED);
        assertThat(RegistrationState.of(ActivityStatus.PUBLISHED, earlier, later, 0, now)).isEqualTo(RegistrationState.FULL);
        assertThat(RegistrationState.of(ActivityStatus.DRAFT, null, later, 3, now)).isEqualTo(RegistrationState.NOT_PUBLISHED);
        assertThat(RegistrationState.of(ActivityStatus.CANCELLED, null, later, 3, now)).isEqualTo(RegistrationState.CANCELLED);
        assertThat(RegistrationState.of(ActivityStatus.COMPLETED, null, earlier, 3, now)).isEqualTo(RegistrationState.COMPLETED);
    }
}

package se.kompetensportal.activities.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gender balance among trainers. The plan asks for at least a 40/60 split of women and men: the shares are taken
 * among the women and men (trainers of another gender are shown, and not counted for or against the split), and the
 * balance is outside when either share is below 40 %.
 */
public record GenderBalance(long women, long men, long nonBinary) {

    public static final int MIN_SHARE_PERCENT = 40;
    public static final GenderBalance NONE = new GenderBalance(0, 0, 0);

    public static GenderBalance of(Collection<TrainerGender> genders) {
        return new GenderBalance(genders.stream().filter(g -> g == TrainerGender.WOMAN).count(),
                genders.stream().filter(g -> g == TrainerGender.MAN).count(),
                genders.stream().filter(g -> g == TrainerGender.NON_BINARY).count());
    }

    /** One balance per key (track or project id) from grouped counts. */
    public static Map<Long, GenderBalance> byKey(List<GenderCount> counts) {
        Map<Long, GenderBalance> result = new HashMap<>();
        for (GenderCount c : counts) {
            GenderBalance b = result.getOrDefault(c.key(), NONE);
            result.put(c.key(), switch (c.gender()) {
                case WOMAN -> new GenderBalance(b.women + c.count(), b.men, b.nonBinary);
                case MAN -> new GenderBalance(b.women, b.men + c.count(), b.nonBinary);
                case NON_BINARY -> new GenderBalance(b.women, b.men, b.nonBinary + c.count());
            });
        }
        return result;
    }

    public long total() {
        return women + men + nonBinary;
    }

    public boolean isEmpty() {
        return total() == 0;
    }

    /** Share of women among women and men, in whole percent; {@code null} when there are neither. */
    public Integer womenPercent() {
        return women + men == 0 ? null : (int) Math.round(100.0 * women / (women + men));
    }

    public Integer menPercent() {
        return women + men == 0 ? null : 100 - womenPercent();
    }

    /** Women or men make up less than 40 % of the women and men among the trainers. */
    public boolean isOutside() {
        long both = women + men;
        return both > 0 && (women * 100 < MIN_SHARE_PERCENT * both || men * 100 < MIN_SHARE_PERCENT * both);
    }
}

package se.kompetensportal.indicators.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The aggregates one computation of several indicators shares: each is asked for once per kind and period (the survey
 * results, the participants by gender, the hours per year, the fund's figures).
 */
final class IndicatorMemo {

    private IndicatorMemo() {
    }

    private record MemoKey(String what, LocalDate from, LocalDate to) {
    }

    @SuppressWarnings("unchecked")
    static <T> T memo(Map<Object, Object> memo, String what, LocalDate from, LocalDate to, Supplier<T> query) {
        MemoKey key = new MemoKey(what, from, to);
        Object value = memo.get(key);
        if (value == null) {
            value = query.get();
            memo.put(key, value);
        }
        return (T) value;
    }
}

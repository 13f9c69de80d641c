package se.kompetensportal.shared.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How dates, times and amounts are written on every page: ISO dates (as Swedish practice is), times in Swedish time,
 * amounts with the language's digit grouping. Used in templates as {@code @fmt}.
 */
@Component("fmt")
public class Formats {

    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Per language, made once: a formatter parses its pattern and looks up the language's data when made. */
    private static final ConcurrentMap<Locale, DateTimeFormatter> MONTH = new ConcurrentHashMap<>();
    /** Per language, copied for each use (a NumberFormat is not thread-safe; a copy costs less than a new one). */
    private static final ConcurrentMap<Locale, NumberFormat> NUMBER = new ConcurrentHashMap<>();

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** The Swedish calendar date of an instant. */
    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(ZONE));
    }

    /** A month such as "december 2026" in the current language. */
    public String month(YearMonth month) {
        return month == null ? ""
                : perLanguage(MONTH, locale(), l -> DateTimeFormatter.ofPattern("LLLL yyyy", l)).format(month);
    }

    /** The name of a language given by its ISO 639 code ("sv" is "svenska" in Swedish, "Swedish" in English). */
    public String language(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(locale());
        return name.isEmpty() ? code : name;
    }

    /**
     * When something takes place, as lists show it: the start's date and time when it ends the same (Swedish) day,
     * else "first date – last date".
     */
    public String span(Instant first, Instant last) {
        String from = date(first);
        String to = date(last);
        return from.equals(to) ? dateTime(first) : from + " – " + to;
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZONE));
    }

    public String dateTime(LocalDateTime dateTime) {
        return dateTime == null ? "" : DATE_TIME.format(dateTime);
    }

    /** A period such as "2016-09-01 – 2019-08-30". */
    public String period(LocalDate start, LocalDate end) {
        return date(start) + " – " + date(end);
    }

    /** A number with the current language's grouping, without decimals when it has none. */
    public String number(Number value) {
        return number(value, locale());
    }

    /** A number in the given language, for text made outside a web request (mails, PDF documents). */
    public String number(Number value, Locale locale) {
        if (value == null) {
            return "";
        }
        NumberFormat format = (NumberFormat) perLanguage(NUMBER, locale, l -> {
            NumberFormat prototype = NumberFormat.getNumberInstance(l);
            prototype.setMaximumFractionDigits(2);
            return prototype;
        }).clone();
        if (value instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0) {
            format.setMaximumFractionDigits(0);
        }
        return format.format(value);
    }

    /** The value kept for the language; a few languages are kept (a cookie may name any locale), others made anew. */
    private static <T> T perLanguage(ConcurrentMap<Locale, T> kept, Locale locale, Function<Locale, T> make) {
        T value = kept.get(locale);
        if (value == null) {
            value = make.apply(locale);
            if (kept.size() < 16) {
                kept.putIfAbsent(locale, value);
            }
        }
        return value;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}

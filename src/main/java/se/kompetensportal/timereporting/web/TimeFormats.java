package se.kompetensportal.timereporting.web;

import org.springframework.stereotype.Component;

/**
 * Time attended as pages show it, {@code @timeFmt.minutes(400)} = "6 h 40 min", "7 h" for whole hours (the same in
 * both languages).
 */
@Component("timeFmt")
class TimeFormats {

    public String minutes(int minutes) {
        return (minutes / 60) + " h" + (minutes % 60 == 0 ? "" : " " + (minutes % 60) + " min");
    }
}

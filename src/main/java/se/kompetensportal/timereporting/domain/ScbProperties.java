package se.kompetensportal.timereporting.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SCB monthly participant file.
 *
 * @param inactiveMonths  a participant who simply stops coming has left once this many whole months have passed
 *                        without attendance in the project: they are reported as a leaver in the file of the last of
 *                        those months, with their last attendance as end date (1–24, default 3)
 * @param protectedWoman  the code written after the date of birth for a woman with a protected identity (SCB's FAQ:
 *                        {@code ÅÅÅÅMMDDTf29})
 * @param protectedMan    the same for a man (and anyone whose gender is not stated as a woman's)
 */
@ConfigurationProperties("kp.timereporting.scb")
public record ScbProperties(Integer inactiveMonths, String protectedWoman, String protectedMan) {

    public ScbProperties {
        inactiveMonths = inactiveMonths == null ? 3 : Math.max(1, Math.min(24, inactiveMonths));
        protectedWoman = protectedWoman == null || protectedWoman.isBlank() ? "Tf29" : protectedWoman.strip();
        protectedMan = protectedMan == null || protectedMan.isBlank() ? "Tm19" : protectedMan.strip();
    }
}

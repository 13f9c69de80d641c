package se.kompetensportal.timereporting.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.CardSection;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.HomeCard;

/**
 * The secretary's start page: months of time not yet confirmed, per project and month, with how many participants
 * said something is wrong (to correct) and how many have not answered; each opens the month's page.
 */
@Component
@Order(45)
class TimeHomeSection extends CardSection {

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectsApi projects;
    private final Clock clock;
    private final Formats fmt;

    TimeHomeSection(MessageSource messages, NamedParameterJdbcTemplate jdbc, ProjectsApi projects, Clock clock,
            Formats fmt) {
        super(messages, Role.SECRETARY, Role.ADMIN);
        this.jdbc = jdbc;
        this.projects = projects;
        this.clock = clock;
        this.fmt = fmt;
    }

    @Override
    protected HomeCard card(PortalUser user, Locale locale) {
        Map<Long, String> names = projects.projects().stream()
                .filter(p -> user.isAdmin() || user.projectIds().contains(p.id()))
                .collect(Collectors.toMap(ProjectInfo::id, ProjectInfo::shortName));
        Collection<Long> scope = names.keySet();
        List<HomeCard.Item> items = scope.isEmpty() ? List.of() : jdbc.query("""
                select project_id, month, count(*) filter (where status = 'DISPUTED'),
                       count(*) filter (where status in ('OPEN', 'SENT'))
                from time_month
                where project_id in (:projects) and minutes > 0 and status in ('OPEN', 'SENT', 'DISPUTED')
                  and month < :current
                group by project_id, month order by month desc, project_id limit 6""",
                new MapSqlParameterSource("projects", scope).addValue("current",
                        YearMonth.now(clock.withZone(Formats.ZONE)).atDay(1)), (rs, i) -> {
                    YearMonth month = YearMonth.from(rs.getDate(2).toLocalDate());
                    long project = rs.getLong(1);
                    return new HomeCard.Item(text(locale, "time.home.month", names.get(project), fmt.month(month)),
                            "/admin/projects/" + project + "/time?month=" + month,
                            text(locale, "time.home.detail", rs.getLong(3), rs.getLong(4)));
                });
        return new HomeCard(text(locale, "time.home.heading"), items, text(locale, "time.home.none"), null);
    }
}

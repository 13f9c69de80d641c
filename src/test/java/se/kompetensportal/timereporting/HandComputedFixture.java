package se.kompetensportal.timereporting;

import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.support.TestUsers;

/**
 * The hand-computed time fixture. Two months ago is M1, last month M2 (both over, so every session has ended).
 *
 * <pre>
 * IKO "Grundkurs" (sessions in two months)     LFI "Samtalsmetoder"
 *   S1  M1-10 09:00–16:00  420 min               L1  M1-15 13:00–16:00  180 min
 *   S2  M1-24 09:00–12:30  210 min
 *   S3  M2-07 09:00–16:00  420 min
 *
 * Anna  S1 400 (20 min late)  S2 150 (left early)  S3 390   L1 170 (left 10 min early)
 * Bo    S1 absent             S2 not recorded      S3 420
 * a secretary of IKO (staff) and the course's linked trainer both attend S1 in full
 *
 * ledger                      minutes   whole hours
 *   IKO Anna M1   400 + 150 = 550    9   (not 6 + 2 = 8 per session: the month's total is rounded down)
 *   IKO Anna M2         390          6
 *   IKO Bo   M2         420          7   (no M1 month: nothing attended)
 *   LFI Anna M1         170          2   (a project of its own: not 550 + 170 = 720 → 12)
 *   staff and trainer: nothing (project staff are never participants)
 * </pre>
 */
public final class HandComputedFixture {

    public final YearMonth m1 = YearMonth.now(Formats.ZONE).minusMonths(2);
    public final YearMonth m2 = YearMonth.now(Formats.ZONE).minusMonths(1);
    public final long iko;
    public final long lfi;
    public final long course;
    public final long lfiActivity;
    public final List<Long> sessions;
    public final long lfiSession;
    public final long anna;
    public final long bo;
    public final long staff;
    public final long trainer;
    public final String annaEmail;
    public final String trainerEmail;
    public final long annaCourseSignUp;
    public final long boCourseSignUp;
    public final long annaLfiSignUp;

    public HandComputedFixture(TimeFixtures f, TestUsers users, JdbcTemplate jdbc) {
        String tag = " " + System.nanoTime();
        iko = f.activities().ikoId();
        lfi = users.projectId("LFI");
        course = f.activities().activity("Grundkurs" + tag)
                .sessionAt(m1.atDay(10), LocalTime.of(9, 0), LocalTime.of(16, 0))
                .sessionAt(m1.atDay(24), LocalTime.of(9, 0), LocalTime.of(12, 30))
                .sessionAt(m2.atDay(7), LocalTime.of(9, 0), LocalTime.of(16, 0))
                .save();
        lfiActivity = f.activities().activity("Samtalsmetoder" + tag).project(lfi).groups("A")
                .sessionAt(m1.atDay(15), LocalTime.of(13, 0), LocalTime.of(16, 0))
                .save();
        sessions = f.sessions(course);
        lfiSession = f.sessions(lfiActivity).getFirst();

        long[] id = new long[1];
        annaEmail = f.participantAccount("Anna", id);
        anna = id[0];
        bo = f.person("Bo");
        String secretaryEmail = users.create(java.util.Set.of(se.kompetensportal.shared.security.Role.SECRETARY), null,
                java.util.Set.of(iko));
        staff = f.participants().personFor(secretaryEmail, "Stina");
        trainerEmail = users.create(java.util.Set.of(se.kompetensportal.shared.security.Role.TRAINER), null,
                java.util.Set.of());
        trainer = f.participants().personFor(trainerEmail, "Tore");
        jdbc.update("""
                insert into activity_trainer (id, activity_id, name, organisation, external, gender, user_id)
                values (nextval('activity_trainer_seq'), ?, 'Tore Testsson', 'Testorg', true, 'MAN',
                        (select id from app_user where email = ?))""", course, trainerEmail);

        annaCourseSignUp = f.signUp(course, anna);
        boCourseSignUp = f.signUp(course, bo);
        long staffSignUp = f.signUp(course, staff);
        long trainerSignUp = f.signUp(course, trainer);
        annaLfiSignUp = f.signUp(lfiActivity, anna);

        f.attend(course, sessions.get(0), annaCourseSignUp, 400);
        f.attend(course, sessions.get(1), annaCourseSignUp, 150);
        f.attend(course, sessions.get(2), annaCourseSignUp, 390);
        f.absent(course, sessions.get(0), boCourseSignUp);
        f.attend(course, sessions.get(2), boCourseSignUp, null);
        f.attend(course, sessions.get(0), staffSignUp, null);
        f.attend(course, sessions.get(0), trainerSignUp, null);
        f.attend(lfiActivity, lfiSession, annaLfiSignUp, 170);
    }
}

package se.kompetensportal.timereporting.domain;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.kompetensportal.participants.ParticipantContacts;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.excel.SpreadsheetWriter;
import se.kompetensportal.shared.scheduling.JobSteps;
import se.kompetensportal.timereporting.LedgerMonth;

/**
 * Builds one claim pack: for each month of the range the month's time certificates (one PDF) and its SCB file, then
 * the per-actor summary (people, confirmed and unconfirmed whole hours, their value at the year's unit cost) with the
 * list of what is still unconfirmed. The ZIP is written to a temporary file entry by entry (memory stays flat however
 * many people), then stored in chunks. Each month is a step of its own (its own transaction through {@link JobSteps}:
 * the identity numbers it prints are logged as seen by the requester), so progress shows as it goes.
 */
@Component
class ClaimPackBuilder {

    private static final Logger log = LoggerFactory.getLogger(ClaimPackBuilder.class);
    private static final Locale SWEDISH = Locale.of("sv");

    private final ClaimPackStore packs;
    private final LedgerStore ledger;
    private final Certificates certificates;
    private final ScbFiles scb;
    private final ActorTime actors;
    private final ProjectsApi projects;
    private final ParticipantContacts people;
    private final JobSteps steps;
    private final MessageSource messages;

    ClaimPackBuilder(ClaimPackStore packs, LedgerStore ledger, Certificates certificates, ScbFiles scb, ActorTime actors,
            ProjectsApi projects, ParticipantContacts people, JobSteps steps, MessageSource messages) {
        this.packs = packs;
        this.ledger = ledger;
        this.certificates = certificates;
        this.scb = scb;
        this.actors = actors;
        this.projects = projects;
        this.people = people;
        this.steps = steps;
        this.messages = messages;
    }

    static int steps(YearMonth from, YearMonth to) {
        return 2 * (int) (ChronoUnit.MONTHS.between(from, to) + 1) + 2;
    }

    /** Takes the next queued pack and builds it; false when there was none. */
    boolean buildNext() {
        var claimed = packs.claim(id -> packs.pack(id).map(p -> steps(p.from(), p.to())).orElse(0));
        if (claimed.isEmpty()) {
            return false;
        }
        long id = claimed.get();
        ClaimPackStore.Pack pack = packs.pack(id).orElseThrow();
        Path file = null;
        try {
            file = Files.createTempFile("claim-pack-" + id + "-", ".zip");
            write(pack, file);
            Path done = file;
            steps.run("claim-pack", id, () -> {
                try (InputStream in = Files.newInputStream(done)) {
                    packs.finish(id, in, Files.size(done));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return true;
            }).orElseThrow(() -> new IllegalStateException("Could not store the claim pack"));
            log.info("Claim pack {} built ({} to {})", id, pack.from(), pack.to());
        } catch (JobSteps.DatabaseUnavailable e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            log.warn("Claim pack {} failed", id, e);
            packs.fail(id, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the system cleans it up
                }
            }
        }
        return true;
    }

    private void write(ClaimPackStore.Pack pack, Path file) throws IOException {
        ProjectInfo project = projects.project(pack.projectId()).orElseThrow();
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file));
                ZipOutputStream zip = new ZipOutputStream(raw)) {
            for (YearMonth m = pack.from(); !m.isAfter(pack.to()); m = m.plusMonths(1)) {
                YearMonth month = m;
                byte[] pdf = steps.run("claim-pack", pack.id(), () -> {
                    List<Certificates.Certificate> all = certificates.build(project.id(),
                            ledger.months(project.id(), month, month), pack.requestedBy(), SWEDISH);
                    return all.isEmpty() ? new byte[0] : certificates.pdf(all, SWEDISH);
                }).orElseThrow(() -> new IllegalStateException("Certificates of " + month + " failed"));
                if (pdf.length > 0) {
                    entry(zip, "tidsintyg/tidsintyg-" + month + ".pdf", pdf);
                }
                packs.step(pack.id());
                List<ScbFiles.Row> rows = steps.run("claim-pack", pack.id(),
                        () -> scb.rows(project, month, pack.requestedBy()))
                        .orElseThrow(() -> new IllegalStateException("SCB file of " + month + " failed"));
                zip.putNextEntry(new ZipEntry("scb/scb-" + month + ".xlsx"));
                ScbFiles.write(rows, new NonClosing(zip));
                zip.closeEntry();
                packs.step(pack.id());
            }
            zip.putNextEntry(new ZipEntry("sammanstallning-" + pack.from() + "-" + pack.to() + ".xlsx"));
            summary(project, pack, new NonClosing(zip));
            zip.closeEntry();
            packs.step(pack.id());
        }
    }

    private void summary(ProjectInfo project, ClaimPackStore.Pack pack, OutputStream out) {
        List<ActorTime.ActorRow> rows = actors.perActor(project.id(), pack.from(), pack.to());
        List<LedgerMonth> open = ledger.months(project.id(), pack.from(), pack.to()).stream()
                .filter(m -> m.hasHours() && !m.confirmed()).toList();
        Map<Long, ParticipantContacts.PersonContact> contacts = people.contacts(open.stream()
                .map(LedgerMonth::personId).distinct().toList());
        try (SpreadsheetWriter xlsx = new SpreadsheetWriter()) {
            xlsx.sheet(text("time.claims.sheet.actors"), List.of(text("time.claims.col.actor"),
                    text("time.claims.col.orgNumber"), text("time.claims.col.people"), text("time.claims.col.confirmed"),
                    text("time.claims.col.unconfirmed"), text("time.claims.col.value"),
                    text("time.claims.col.unconfirmedValue")));
            for (ActorTime.ActorRow r : rows) {
                xlsx.row(r.name() == null ? text("time.claims.otherEmployers") : r.name(), r.orgNumber(), r.people(),
                        r.confirmedHours(), r.unconfirmedHours(), r.value(), r.unconfirmedValue());
            }
            xlsx.row(text("time.claims.total"), null, null,
                    rows.stream().mapToLong(ActorTime.ActorRow::confirmedHours).sum(),
                    rows.stream().mapToLong(ActorTime.ActorRow::unconfirmedHours).sum(),
                    rows.stream().map(ActorTime.ActorRow::value).reduce(BigDecimal.ZERO, BigDecimal::add),
                    rows.stream().map(ActorTime.ActorRow::unconfirmedValue).reduce(BigDecimal.ZERO, BigDecimal::add));
            xlsx.sheet(text("time.claims.sheet.unconfirmed"), List.of(text("time.claims.col.month"),
                    text("time.claims.col.person"), text("time.claims.col.hours"), text("time.claims.col.status")));
            open.stream().sorted(Comparator.comparing(LedgerMonth::month).thenComparing(LedgerMonth::personId))
                    .forEach(m -> xlsx.row(m.month().toString(), contacts.containsKey(m.personId())
                            ? contacts.get(m.personId()).name() : "", m.wholeHours(),
                            text("time.status." + m.status().name())));
            xlsx.writeTo(out);
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, SWEDISH);
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    /** Lets a writer that closes its stream write one ZIP entry without closing the ZIP. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

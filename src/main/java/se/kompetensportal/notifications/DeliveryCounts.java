package se.kompetensportal.notifications;

/** How far a group of mails (those whose dedup keys share a prefix) has come: waiting, sent, given up. */
public record DeliveryCounts(long pending, long sent, long failed) {

    public long total() {
        return pending + sent + failed;
    }
}

package se.kompetensportal.participants.domain;

/** Within this module: after this commit an activity may have a free seat while people wait (see SignUpService). */
record SeatsMayBeFree(long activityId) {
}

package se.kompetensportal.activities.domain;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;

/**
 * The number of changes made to activities so far (their sessions, target groups and trainers included), kept by
 * database triggers in {@code activity_change_seq}. Cached public pages compare it with the number they were made at.
 */
@Component
public class ActivityChanges {

    private final EntityManager entityManager;

    ActivityChanges(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public long current() {
        return ((Number) entityManager.createNativeQuery(
                "select case when is_called then last_value else 0 end from activity_change_seq")
                .getSingleResult()).longValue();
    }
}

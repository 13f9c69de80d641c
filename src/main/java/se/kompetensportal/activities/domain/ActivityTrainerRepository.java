package se.kompetensportal.activities.domain;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Trainers, and the counts behind the gender balance. A person who trains in several activities of a track or project
 * is counted once there (by name); trainers of cancelled activities are not counted.
 */
public interface ActivityTrainerRepository extends JpaRepository<ActivityTrainer, Long> {

    @Query("""
            select new se.kompetensportal.activities.domain.GenderCount(a.trackId, t.gender, count(distinct lower(t.name)))
            from ActivityTrainer t join t.activity a
            where a.projectId = :projectId and a.status <> se.kompetensportal.activities.ActivityStatus.CANCELLED
            group by a.trackId, t.gender""")
    List<GenderCount> countByTrack(long projectId);

    @Query("""
            select new se.kompetensportal.activities.domain.GenderCount(a.projectId, t.gender, count(distinct lower(t.name)))
            from ActivityTrainer t join t.activity a
            where a.projectId in :projectIds and a.status <> se.kompetensportal.activities.ActivityStatus.CANCELLED
            group by a.projectId, t.gender""")
    List<GenderCount> countByProject(Collection<Long> projectIds);

    @Query("select t.userId from ActivityTrainer t where t.activity.id = :activityId and t.userId is not null")
    List<Long> userIdsOfActivity(long activityId);

    @Query("""
            select distinct t.activity.id from ActivityTrainer t
            where t.userId = :userId and t.activity.status in (se.kompetensportal.activities.ActivityStatus.PUBLISHED,
                                                             se.kompetensportal.activities.ActivityStatus.COMPLETED)""")
    List<Long> activityIdsTaughtBy(long userId);
}

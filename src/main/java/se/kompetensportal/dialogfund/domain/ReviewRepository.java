package se.kompetensportal.dialogfund.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReviewRepository extends JpaRepository<Review, Long> {

    Optional<Review> findByApplicationIdAndReviewerId(long applicationId, long reviewerId);

    @Query("select distinct r from Review r left join fetch r.scores where r.applicationId = :applicationId order by r.id")
    List<Review> withScoresOfApplication(long applicationId);

    @Query("select count(r) > 0 from Review r join r.scores s where key(s) = :criterionId")
    boolean anyScoreOn(long criterionId);
}

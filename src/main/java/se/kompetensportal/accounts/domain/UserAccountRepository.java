package se.kompetensportal.accounts.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import se.kompetensportal.shared.security.Role;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByEmail(String normalisedEmail);

    boolean existsByEmail(String normalisedEmail);

    boolean existsByEmailAndIdNot(String normalisedEmail, long id);

    @Query("""
            select u from UserAccount u
            where (lower(u.email) like lower(concat('%', :text, '%')) or lower(u.displayName) like lower(concat('%', :text, '%')))
              and (:role is null or :role member of u.roles)""")
    Page<UserAccount> search(String text, Role role, Pageable pageable);

    @Query("select u from UserAccount u join u.roles r join u.projectIds p where r = :role and p = :projectId order by u.displayName")
    List<UserAccount> findByRoleAndProject(Role role, long projectId);

    @Query("select u from UserAccount u join u.roles r where r = :role and u.organisationId = :organisationId and u.enabled = true order by u.id")
    List<UserAccount> findEnabledByRoleAndOrganisation(Role role, long organisationId);

    @Query("select count(u) from UserAccount u join u.roles r where r = :role and u.enabled = true")
    long countEnabledWithRole(Role role);

    @Modifying
    @Query("update UserAccount u set u.lastLoginAt = :at where u.id = :id")
    void recordLogin(long id, Instant at);
}

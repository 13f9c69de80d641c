package se.kompetensportal.participants.domain;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PersonRepository extends JpaRepository<Person, Long> {

    Optional<Person> findByUserId(long userId);

    @Query("select p from Person p where lower(p.email) = lower(:email) and p.erasedAt is null and p.mergedInto is null")
    Optional<Person> findActiveByEmail(String email);

    @Query("select p from Person p where p.personalIdIndex = :index and p.mergedInto is null")
    Optional<Person> findByPersonalIdIndex(String index);
}

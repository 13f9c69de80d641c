package se.kompetensportal.projects.domain;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    List<Organisation> findAllByOrderByName();

    @Query("""
            select o from Organisation o
            where lower(o.name) like lower(concat('%', :text, '%')) or o.orgNumber like concat('%', :text, '%')
               or lower(coalesce(o.municipality, '')) like lower(concat('%', :text, '%'))""")
    Page<Organisation> search(String text, Pageable pageable);

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, long id);

    boolean existsByOrgNumber(String orgNumber);

    boolean existsByOrgNumberAndIdNot(String orgNumber, long id);
}

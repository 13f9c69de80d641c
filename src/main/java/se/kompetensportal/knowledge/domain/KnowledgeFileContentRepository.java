package se.kompetensportal.knowledge.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface KnowledgeFileContentRepository extends JpaRepository<KnowledgeFileContent, Long> {
}

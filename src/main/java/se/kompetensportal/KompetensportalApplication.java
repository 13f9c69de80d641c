package se.kompetensportal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Kompetensportalen: a server-rendered portal for running publicly funded competence-development projects.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@ConfigurationPropertiesScan
@EnableScheduling
public class KompetensportalApplication {

    public static void main(String[] args) {
        SpringApplication.run(KompetensportalApplication.class, args);
    }
}

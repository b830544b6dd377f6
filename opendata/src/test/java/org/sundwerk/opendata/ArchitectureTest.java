package org.sundwerk.opendata;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Open data's boundaries (ARCHITECTURE, "Modules"): it reads through broker operations and the
 * business layer's public API, never the store, the portal, the app or Spring (HTTP lives in the
 * app), and never a business feature's {@code internal} package.
 */
class ArchitectureTest {

  private static final JavaClasses OPENDATA =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.sundwerk.opendata");

  @Test
  void readsOnlyThroughPublicInterfaces() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.sundwerk.store..",
            "org.sundwerk.portal..",
            "org.sundwerk.app..",
            "org.sundwerk.business..internal..",
            "org.springframework..")
        .because("open data publishes what the broker and the business layer answer, nothing more")
        .allowEmptyShould(true)
        .check(OPENDATA);
  }
}

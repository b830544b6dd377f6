package org.sundwerk.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * What the app's adapters must never do (ARCHITECTURE, "Modules"): the NGSI-LD API and the portal
 * call broker operations, never the store; nothing depends on the demo city but the demo itself and
 * the configuration that switches it on.
 */
class ArchitectureTest {

  private static final JavaClasses APP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.sundwerk.app", "org.sundwerk.portal");

  @Test
  void apiAndPortalNeverReachTheStore() {
    noClasses()
        .that()
        .resideInAnyPackage("org.sundwerk.app.api..", "org.sundwerk.portal..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.sundwerk.store..")
        .check(APP);
  }

  @Test
  void thePortalNeverReachesIntoTheApp() {
    noClasses()
        .that()
        .resideInAPackage("org.sundwerk.portal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.sundwerk.app..", "org.sundwerk.store..")
        .because("the portal calls broker operations and the access module's public API only")
        .check(APP);
  }

  @Test
  void onlyTheDemoAndItsWiringKnowTheDemo() {
    noClasses()
        .that()
        .resideOutsideOfPackages("org.sundwerk.app.demo..", "org.sundwerk.app.config..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.sundwerk.app.demo..")
        .because("the portal and the API serve any city's data, not the demo's")
        .check(APP);
  }
}

package org.sundwerk.business;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The business layer's boundaries (ARCHITECTURE, "Modules"): no Spring, never the data layer, and
 * its features depend one way ({@code offer → catalog → partner}), each keeping its {@code
 * internal} package to itself.
 */
class ArchitectureTest {

  private static final JavaClasses BUSINESS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.sundwerk.business");

  @Test
  void neverReachesTheDataLayerOrSpring() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.sundwerk.broker..",
            "org.sundwerk.store..",
            "org.sundwerk.ngsild..",
            "org.sundwerk.portal..",
            "org.sundwerk.app..",
            "org.springframework..")
        .because("usage reaches the business layer as events the app publishes")
        .check(BUSINESS);
  }

  @Test
  void partnersKnowNoOtherFeature() {
    noClasses()
        .that()
        .resideInAPackage("org.sundwerk.business.partner..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.sundwerk.business.catalog..", "org.sundwerk.business.offer..")
        .check(BUSINESS);
  }

  @Test
  void theCatalogNeverReachesOffers() {
    noClasses()
        .that()
        .resideInAPackage("org.sundwerk.business.catalog..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.sundwerk.business.offer..")
        .check(BUSINESS);
  }

  @Test
  void internalsStayInTheirFeature() {
    for (String feature : new String[] {"partner", "catalog", "offer"}) {
      noClasses()
          .that()
          .resideOutsideOfPackage("org.sundwerk.business." + feature + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.sundwerk.business." + feature + ".internal..")
          .allowEmptyShould(true)
          .check(BUSINESS);
    }
  }
}

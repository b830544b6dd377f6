package org.sundwerk.broker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The standard is the core: {@code ngsi-ld} and {@code broker} stay free of Spring and JDBC. */
class ArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.sundwerk.ngsild", "org.sundwerk.broker");

  @Test
  void coreUsesNoSpring() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.servlet..")
        .check(CORE);
  }

  @Test
  void coreUsesNoJdbc() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..", "org.postgresql..")
        .check(CORE);
  }

  @Test
  void theModelDoesNotKnowTheBroker() {
    noClasses()
        .that()
        .resideInAPackage("org.sundwerk.ngsild..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.sundwerk.broker..")
        .check(CORE);
  }
}

package org.sundwerk.access;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** {@code access} imports none of ours but {@code ngsi-ld}, and no Spring: the app adapts to it. */
class ArchitectureTest {

  private static final JavaClasses ACCESS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.sundwerk.access");

  @Test
  void importsNoneOfOursButTheStandard() {
    noClasses()
        .should()
        .dependOnClassesThat(
            resideInAPackage("org.sundwerk..")
                .and(resideOutsideOfPackages("org.sundwerk.access..", "org.sundwerk.ngsild..")))
        .check(ACCESS);
  }

  @Test
  void usesNoSpringAndNoServletTypes() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.servlet..")
        .check(ACCESS);
  }

  @Test
  void theDecisionDoesNoIo() {
    noClasses()
        .that()
        .resideInAPackage("org.sundwerk.access")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..", "org.sundwerk.access.db..")
        .check(ACCESS);
  }
}

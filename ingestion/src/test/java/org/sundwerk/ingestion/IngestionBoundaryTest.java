package org.sundwerk.ingestion;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The ingestion adapts the field to the broker's operations and knows no Spring and no SQL. */
@AnalyzeClasses(
    packages = "org.sundwerk.ingestion",
    importOptions = ImportOption.DoNotIncludeTests.class)
class IngestionBoundaryTest {

  @ArchTest
  static final ArchRule noSpring =
      noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..");

  @ArchTest
  static final ArchRule noJdbcNorStore =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "javax.sql..", "org.sundwerk.store..");
}

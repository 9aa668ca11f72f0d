package org.dlmathlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The three lines of DESIGN.md: math/ knows no JavaFX, models touch no scene graph, lessons hold no UI. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.dlmathlab");

    @Test
    void mathKnowsNoJavaFx() {
        noClasses().that().resideInAPackage("org.dlmathlab.math..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void modelsUseOnlyJavaFxBase() {
        noClasses().that().haveSimpleNameEndingWith("Model")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.animation..", "javafx.application..")
                .check(CLASSES);
    }

    @Test
    void lessonsAndStorageHoldNoUi() {
        noClasses().that().resideInAnyPackage("org.dlmathlab.lesson..", "org.dlmathlab.io..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.dlmathlab.app..")
                .check(CLASSES);
    }

    @Test
    void nothingBelowTheAppDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("org.dlmathlab.app..")
                .should().dependOnClassesThat().resideInAPackage("org.dlmathlab.app..")
                .check(CLASSES);
    }
}

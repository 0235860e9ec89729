package org.checkpointlab.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine stays free of any UI toolkit, so it runs headless and under any front end. */
@AnalyzeClasses(packages = "org.checkpointlab.model")
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelDependsOnNoUiToolkit = noClasses()
            .that().resideInAPackage("org.checkpointlab.model..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
            .because("model/ is the engine; JavaFX belongs in views/ (see the house rules)");
}

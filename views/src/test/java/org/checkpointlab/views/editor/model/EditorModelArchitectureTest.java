package org.checkpointlab.views.editor.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The edit model is plain Java: the editor's views depend on it, never the other way round. */
@AnalyzeClasses(packages = "org.checkpointlab.views.editor.model", importOptions = ImportOption.DoNotIncludeTests.class)
class EditorModelArchitectureTest {

    @ArchTest
    static final ArchRule editModelDoesNotUseJavaFx = noClasses()
            .that().resideInAPackage("org.checkpointlab.views.editor.model..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
            .because("the edit model is unit-tested without a toolkit and shared by every editor view");

    @ArchTest
    static final ArchRule editModelDoesNotUseTheRestOfTheViews = noClasses()
            .that().resideInAPackage("org.checkpointlab.views.editor.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.checkpointlab.views",
                    "org.checkpointlab.views.graph..", "org.checkpointlab.views.live..")
            .because("the views build on the edit model, not the reverse");
}

package org.mcsim;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The stages of the data flow import only the stages before them (style.md, Layout), the YAML
 * library stays in {@code scenario}, and threads live in {@code engine}. Inside the engine, a
 * run's mode is an argument, never a state set "from now on": the job and its workers are
 * immutable, and only the phases ({@code Sampling}) ask for waves, say what each keeps and merge.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.mcsim");

    @Test
    void stagesImportOnlyEarlierStages() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
            .layer("expr").definedBy("org.mcsim.expr..")
            .layer("lanes").definedBy("org.mcsim.lanes..")
            .layer("model").definedBy("org.mcsim.model..")
            .layer("dist").definedBy("org.mcsim.dist..")
            .layer("scenario").definedBy("org.mcsim.scenario..")
            .layer("stats").definedBy("org.mcsim.stats..")
            .layer("engine").definedBy("org.mcsim.engine..")
            .layer("sensitivity").definedBy("org.mcsim.sensitivity..")
            .layer("discover").definedBy("org.mcsim.discover..")
            .layer("output").definedBy("org.mcsim.output..")
            .layer("report").definedBy("org.mcsim.report..")
            .layer("cli").definedBy("org.mcsim.cli..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("output").mayOnlyBeAccessedByLayers("cli", "sensitivity", "report")
            .whereLayer("discover").mayOnlyBeAccessedByLayers("cli", "output")
            .whereLayer("sensitivity").mayOnlyBeAccessedByLayers("cli", "output")
            .whereLayer("engine").mayOnlyBeAccessedByLayers("sensitivity", "discover", "output", "cli")
            .whereLayer("stats").mayOnlyBeAccessedByLayers("engine", "sensitivity", "discover", "output", "cli")
            .whereLayer("scenario").mayOnlyBeAccessedByLayers("engine", "sensitivity", "output", "cli")
            .whereLayer("dist").mayOnlyBeAccessedByLayers("scenario", "engine", "sensitivity", "output", "cli")
            .whereLayer("lanes").mayOnlyBeAccessedByLayers("dist", "stats", "engine", "output", "cli")
            .whereLayer("model").mayOnlyBeAccessedByLayers("dist", "scenario", "engine", "sensitivity",
                "discover", "output", "report", "cli")
            .check(CLASSES);
    }

    @Test
    void exprDependsOnTheJdkOnly() {
        noClasses().that().resideInAPackage("org.mcsim.expr..")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.mcsim.expr..", "java..")
            .check(CLASSES);
    }

    @Test
    void yamlStaysInTheScenarioReader() {
        noClasses().that().resideOutsideOfPackage("org.mcsim.scenario..")
            .should().dependOnClassesThat().resideInAPackage("org.snakeyaml..")
            .check(CLASSES);
    }

    @Test
    void onlyTheEngineStartsThreads() {
        noClasses().that().resideOutsideOfPackages("org.mcsim.engine..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
            .check(CLASSES);
    }

    @Test
    void aJobSaysWhatEachWaveKeepsAndNeverChanges() {
        // BlockJob's one transient field is the plan it rebuilds after deserialization, a cache
        fields().that().areDeclaredInClassesThat().haveFullyQualifiedName("org.mcsim.engine.BlockJob")
            .or().areDeclaredInClassesThat().haveFullyQualifiedName("org.mcsim.engine.Keep")
            .or().areDeclaredInClassesThat().haveFullyQualifiedName("org.mcsim.engine.BlockWorker")
            .and().doNotHaveModifier(JavaModifier.TRANSIENT)
            .should().beFinal()
            .check(CLASSES);
    }

    @Test
    void theAccumulatorKeepsItsStatePrivate() {
        fields().that().areDeclaredInClassesThat().haveFullyQualifiedName("org.mcsim.engine.Accumulator")
            .should().bePrivate()
            .check(CLASSES);
    }

    @Test
    void onlyThePhasesAskForWavesChooseWhatTheyKeepAndMerge() {
        noClasses().that().doNotHaveFullyQualifiedName("org.mcsim.engine.Sampling")
            .should().callMethod("org.mcsim.engine.BlockExecutor", "compute", "org.mcsim.engine.BlockJob",
                "long", "int")
            .orShould().callMethod("org.mcsim.engine.BlockJob", "keeping", "org.mcsim.engine.Keep")
            .orShould().callMethod("org.mcsim.engine.Accumulator", "merge", "org.mcsim.engine.BlockResult")
            .check(CLASSES);
    }
}

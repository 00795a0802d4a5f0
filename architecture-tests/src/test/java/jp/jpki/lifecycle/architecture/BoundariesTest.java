package jp.jpki.lifecycle.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaModifier.PUBLIC;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static jp.jpki.lifecycle.architecture.Modules.AUDIT_VERIFIER;
import static jp.jpki.lifecycle.architecture.Modules.BENCHMARKS;
import static jp.jpki.lifecycle.architecture.Modules.CARD_GATEWAY;
import static jp.jpki.lifecycle.architecture.Modules.CARD_SIMULATOR;
import static jp.jpki.lifecycle.architecture.Modules.COMMAND_SIDE;
import static jp.jpki.lifecycle.architecture.Modules.EDGE;
import static jp.jpki.lifecycle.architecture.Modules.DEADLINES;
import static jp.jpki.lifecycle.architecture.Modules.PACKAGES;
import static jp.jpki.lifecycle.architecture.Modules.PRODUCTION;
import static jp.jpki.lifecycle.architecture.Modules.QUERY_SIDE;
import static jp.jpki.lifecycle.architecture.Modules.SHARED_API;
import static jp.jpki.lifecycle.architecture.Modules.SIMULATOR_PACKAGES;
import static jp.jpki.lifecycle.architecture.Modules.STANDALONE;
import static jp.jpki.lifecycle.architecture.Modules.classesOf;
import static jp.jpki.lifecycle.architecture.Modules.packagesOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One rule per module boundary, checked on the compiled production classes of every module (see {@link Modules}).
 * A failure names the boundary and each class and line that crosses it.
 */
class BoundariesTest {

    private static final String OURS = "jp.jpki.lifecycle..";
    private static final String[] SERVICES = {COMMAND_SIDE, QUERY_SIDE, CARD_GATEWAY};
    /** Pure code: the policies and the lifecycle fold. */
    private static final String[] PURE = {"jp.jpki.lifecycle.command.policy..", "jp.jpki.lifecycle.api.lifecycle.."};
    private static final String[] SPRING_OR_IO = {"org.springframework..", "java.io..", "java.nio..", "java.net..",
            "java.sql..", "javax.sql..", "javax.smartcardio..", "com.mongodb..", "org.bson..", "org.axonframework..",
            "org.h2..", "org.slf4j..", "java.util.logging.."};

    @Test
    @DisplayName("ARCH-1: shared-api imports nothing of ours and no Spring; it is the language every module shares")
    void shared_api_imports_nothing_of_ours() {
        JavaClasses api = classesOf(SHARED_API);
        assertThat(api).isNotEmpty();
        noClasses().should().dependOnClassesThat(resideInAPackage(OURS).and(not(resideInAPackage(PACKAGES.get(SHARED_API) + ".."))))
                .orShould().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("shared-api is the system's language: every module reads it and it reads no module")
                .check(api);
    }

    @Test
    @DisplayName("ARCH-2: no module reaches another's internals: each keeps to its own package, services never import each other")
    void no_module_reaches_anothers_internals() {
        List<String> failures = new ArrayList<>();
        for (String module : Modules.built()) {
            evaluate(classes().should().resideInAPackage(PACKAGES.get(module) + "..")
                    .because("a class in another module's package would reach its package-private internals"),
                    classesOf(module), failures);
        }
        JavaClasses all = classesOf(Modules.built());
        for (String service : SERVICES) {
            String[] others = Stream.concat(Stream.of(SERVICES).filter(s -> !s.equals(service)),
                    Stream.of(STANDALONE, BENCHMARKS)).map(m -> PACKAGES.get(m) + "..").toArray(String[]::new);
            evaluate(noClasses().that().resideInAPackage(PACKAGES.get(service) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because(service + " talks to the other services only through Axon messages from shared-api"),
                    all, failures);
        }
        evaluate(noClasses().that().resideInAnyPackage(packagesOf(AUDIT_VERIFIER, EDGE, DEADLINES))
                .should().dependOnClassesThat().resideInAnyPackage(packagesOf(COMMAND_SIDE, QUERY_SIDE, CARD_GATEWAY,
                        STANDALONE, BENCHMARKS))
                .because("the libraries the services share depend on no service"), all, failures);
        assertThat(failures).isEmpty();
    }

    @Test
    @DisplayName("ARCH-3: no Spring, no I/O and no clock of their own in the policies and the lifecycle fold")
    void policies_and_the_fold_are_pure() {
        JavaClasses all = classesOf(Modules.built());
        List<String> failures = new ArrayList<>();
        evaluate(noClasses().that().resideInAnyPackage(PURE).should().dependOnClassesThat().resideInAnyPackage(SPRING_OR_IO)
                .because("a policy decides from its arguments alone, so it is tested without a container"), all, failures);
        evaluate(noClasses().that().resideInAnyPackage(PURE).should().callMethodWhere(readsAClock())
                .because("time comes from the Clock the caller passes in"), all, failures);
        assertThat(all.that(resideInAnyPackage(PURE))).isNotEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    @DisplayName("ARCH-4: production code never imports the card simulator, and no production module contains it")
    void production_never_imports_the_simulator() {
        JavaClasses production = classesOf(PRODUCTION);
        List<String> failures = new ArrayList<>();
        evaluate(noClasses().that().resideOutsideOfPackages(SIMULATOR_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage(SIMULATOR_PACKAGES)
                .because("the simulator is an adapter for the demo and the tests; the launcher wires it, the gateway never"),
                production, failures);
        evaluate(noClasses().should().resideInAnyPackage(SIMULATOR_PACKAGES)
                .because("the simulator ships in " + CARD_SIMULATOR + ", never in a production jar"), production, failures);
        assertThat(failures).isEmpty();
    }

    @Test
    @DisplayName("ARCH-5: benchmarks use the modules only through their public API")
    void benchmarks_only_through_public_apis() {
        JavaClasses benchmarks = classesOf(BENCHMARKS);
        List<String> failures = new ArrayList<>();
        evaluate(classes().should().resideInAPackage(PACKAGES.get(BENCHMARKS) + "..")
                .because("a benchmark in a module's package would measure through its package-private internals"),
                benchmarks, failures);
        evaluate(classes().that().resideInAPackage(PACKAGES.get(BENCHMARKS) + "..").should().onlyDependOnClassesThat(publicOrNotOurs())
                .because("what a benchmark measures is what the module offers its users"),
                classesOf(Modules.built()), failures);
        assertThat(failures).isEmpty();
    }

    private static DescribedPredicate<JavaClass> publicOrNotOurs() {
        String bench = PACKAGES.get(BENCHMARKS);
        return DescribedPredicate.describe("are public, a library's or the benchmarks' own",
                target -> target.getModifiers().contains(PUBLIC) || !target.getPackageName().startsWith("jp.jpki.lifecycle")
                        || target.getPackageName().startsWith(bench));
    }

    private static DescribedPredicate<JavaMethodCall> readsAClock() {
        return DescribedPredicate.describe("read the system clock (now(), Clock.system…())",
                call -> call.getTargetOwner().getPackageName().equals("java.time")
                        && (call.getName().equals("now") || call.getName().startsWith("system")));
    }

    private static void evaluate(ArchRule rule, JavaClasses classes, List<String> failures) {
        var result = rule.evaluate(classes);
        if (result.hasViolation()) {
            failures.add(result.getFailureReport().toString());
        }
    }
}

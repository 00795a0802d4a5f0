package jp.jpki.lifecycle.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The modules of the build as the root pom lists them, each with the package its classes live under, and the
 * production classes of each as compiled by this build ({@code <module>/target/classes}). A module is known by where
 * its classes were compiled, not by their package, so a class that hides in another module's package is caught.
 */
final class Modules {

    static final String SHARED_API = "shared-api";
    static final String AUDIT_VERIFIER = "audit-verifier";
    static final String DEADLINES = "deadlines";
    static final String EDGE = "edge";
    static final String COMMAND_SIDE = "command-side";
    static final String QUERY_SIDE = "query-side";
    static final String CARD_GATEWAY = "card-gateway";
    static final String CARD_SIMULATOR = "card-simulator";
    static final String STANDALONE = "standalone";
    static final String MONGO_STAND_IN = "mongo-stand-in";
    static final String BENCHMARKS = "benchmarks";

    /** Each module's package; a module the root pom lists but this map does not is an error, not a blind spot. */
    static final Map<String, String> PACKAGES = Map.ofEntries(
            Map.entry(SHARED_API, "jp.jpki.lifecycle.api"),
            Map.entry(DEADLINES, "jp.jpki.lifecycle.deadlines"),
            Map.entry(AUDIT_VERIFIER, "jp.jpki.lifecycle.audit.verify"),
            Map.entry(EDGE, "jp.jpki.lifecycle.edge"),
            Map.entry(COMMAND_SIDE, "jp.jpki.lifecycle.command"),
            Map.entry(QUERY_SIDE, "jp.jpki.lifecycle.query"),
            Map.entry(CARD_GATEWAY, "jp.jpki.lifecycle.card"),
            Map.entry(CARD_SIMULATOR, "jp.jpki.lifecycle.cardsim"),
            Map.entry(STANDALONE, "jp.jpki.lifecycle.standalone"),
            Map.entry(MONGO_STAND_IN, "jp.jpki.lifecycle.mongostandin"),
            Map.entry(BENCHMARKS, "jp.jpki.lifecycle.bench"));

    /** The modules that run in production: never the launcher, the simulator or the benchmarks. */
    static final List<String> PRODUCTION = List.of(SHARED_API, DEADLINES, AUDIT_VERIFIER, EDGE, COMMAND_SIDE, QUERY_SIDE, CARD_GATEWAY);

    /** The card simulator's packages: its own module, and where it lived inside the gateway before. */
    static final String[] SIMULATOR_PACKAGES = {"jp.jpki.lifecycle.cardsim..", "jp.jpki.lifecycle.card.virtual.."};

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Map<String, JavaClasses> IMPORTED = new LinkedHashMap<>();

    private Modules() {
    }

    /** The modules with production code, in the root pom's order. */
    static List<String> built() {
        List<String> modules = new ArrayList<>();
        Matcher matcher = MODULE.matcher(read(ROOT.resolve("pom.xml")));
        while (matcher.find()) {
            String module = matcher.group(1).trim();
            if (Files.isDirectory(ROOT.resolve(module).resolve("src/main/java"))) {
                if (!PACKAGES.containsKey(module)) {
                    throw new IllegalStateException("module " + module + " has no package in Modules.PACKAGES");
                }
                modules.add(module);
            }
        }
        return modules;
    }

    /** The production classes of one module; a module listed in the root pom must have been compiled. */
    static synchronized JavaClasses classesOf(String module) {
        return IMPORTED.computeIfAbsent(module, m -> {
            Path classes = ROOT.resolve(m).resolve("target/classes");
            if (!Files.isDirectory(classes)) {
                throw new IllegalStateException(m + " is not compiled: run the build from the root (" + classes + ")");
            }
            return new ClassFileImporter().importPath(classes);
        });
    }

    /** The production classes of these modules, those that are part of this build. */
    static synchronized JavaClasses classesOf(List<String> modules) {
        List<String> built = built();
        List<String> present = modules.stream().filter(built::contains).toList();
        return IMPORTED.computeIfAbsent(String.join("+", present), key -> new ClassFileImporter().importPaths(
                present.stream().map(m -> ROOT.resolve(m).resolve("target/classes")).toList()));
    }

    static String[] packagesOf(String... modules) {
        return Arrays.stream(modules).map(m -> PACKAGES.get(m) + "..").toArray(String[]::new);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

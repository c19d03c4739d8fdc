package org.mcsim.scenario;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mcsim.expr.Suggestions;
import org.mcsim.model.Scenario;
import org.mcsim.model.Variant;
import org.mcsim.scenario.Outline.WrittenInput;
import org.mcsim.scenario.Outline.WrittenVariant;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A scenario file as written, read and structurally checked, from which validated
 * {@link Scenario} models are built with {@code --set} overrides and variants applied.
 *
 * <p>{@link #read} reads the file (at most 8 MiB, strict UTF-8, one YAML document without
 * anchors, aliases or custom tags, nesting at most 50 deep) and checks its structure;
 * {@link #build} applies overrides to the written parameterization (so that
 * {@code --set p.high=45000} moves a {@code low}/{@code high} lognormal before conversion),
 * validates everything, every variant included, and returns the model. Every problem is
 * reported at once, sorted by position, in a {@link ScenarioException}.
 *
 * <p>Immutable apart from a cache of empirical data columns; safe for concurrent use.
 */
public final class ScenarioDocument {

    private final Path file;
    private final String displayName;
    private final String sha256;
    private final String[] sourceLines;
    private final Outline outline;
    private final EmpiricalColumns columns;
    private final DataFiles files;

    private ScenarioDocument(Path file, String displayName, String sha256, String[] sourceLines,
                             Outline outline, DataFiles files) {
        this.file = file;
        this.displayName = displayName;
        this.sha256 = sha256;
        this.sourceLines = sourceLines;
        this.outline = outline;
        this.files = files;
        this.columns = new EmpiricalColumns(file, displayName, files);
    }

    /**
     * Reads and structurally checks a scenario file.
     *
     * @param file the file
     * @param displayName the path as given on the command line, which prefixes every message
     * @return the document
     * @throws ScenarioException when the file cannot be read ({@code FILE: cannot read: reason})
     *     or has any problem of structure; the exception then lists every problem of the file
     */
    public static ScenarioDocument read(Path file, String displayName) throws ScenarioException {
        return of(YamlSource.readBytes(file, displayName), file, displayName);
    }

    /**
     * Reads a scenario from its bytes, as {@link #read} does after reading the file (so that a
     * scenario can be shipped as text); empirical files are resolved against {@code file}'s
     * directory.
     *
     * @throws ScenarioException as {@link #read}
     */
    public static ScenarioDocument of(byte[] bytes, Path file, String displayName) throws ScenarioException {
        return of(bytes, file, displayName, DataFiles.disk());
    }

    /**
     * Reads a scenario from its bytes and the bytes of the files it reads, as {@link #of(byte[],
     * Path, String)} does, where those files are not (a cluster's executor): a file named in
     * {@code shipped} is read from there, any other from disk.
     *
     * @param shipped absolute, normalized paths (as {@link #filesRead} gives them) to the files'
     *     bytes, as they were read where the scenario was first read
     * @throws ScenarioException as {@link #read}
     */
    public static ScenarioDocument of(byte[] bytes, Path file, String displayName, Map<String, byte[]> shipped)
        throws ScenarioException {
        return of(bytes, file, displayName, DataFiles.shipped(shipped));
    }

    private static ScenarioDocument of(byte[] bytes, Path file, String displayName, DataFiles files)
        throws ScenarioException {
        Problems problems = new Problems(displayName);
        if (bytes.length > YamlSource.MAX_BYTES) {
            problems.at(Pos.START, "the file is larger than 8 MiB; a scenario must be smaller");
            problems.throwIfAny();
        }
        String text = YamlSource.decode(bytes, problems);
        Node root = YamlSource.compose(text, problems);
        Outline outline = OutlineReader.read(root, problems, file, files);
        ScenarioDocument doc = new ScenarioDocument(file, displayName, hash(bytes),
            text.split("\r\n|\r|\n", -1), outline, files);
        if (!problems.isEmpty()) {
            doc.check(Map.of(), problems); // to report every problem of the file at once
            problems.throwIfAny();
        }
        return doc;
    }

    /**
     * Applies overrides to the written parameterization, validates the scenario and every
     * variant (each variant's overrides applied on top of {@code overrides}), and returns the
     * model.
     *
     * @param overrides {@code --set} keys ({@code NAME.PARAM}, {@code NAME.components.I.PARAM},
     *     {@code NAME.truncate.lo|hi}, or a constant's {@code NAME}) to values, applied together
     * @return the validated scenario
     * @throws ScenarioException listing every problem: {@code --set KEY: message} lines for keys
     *     that name nothing settable, then the file's problems in position order (a variant's at
     *     its key, its message naming the variant)
     */
    public Scenario build(Map<String, Double> overrides) throws ScenarioException {
        Problems problems = new Problems(displayName);
        Scenario s = check(overrides, problems);
        problems.throwIfAny();
        return requireBuilt(s);
    }

    /**
     * Warnings about a valid scenario, as {@code FILE:LINE:COLUMN: warning: message} lines in
     * position order: each input or constant that no formula, output, claim or correlation uses
     * (a value that cannot change any result is most often a name typed twice, or a formula
     * that forgot it).
     *
     * @param s the scenario built from this document
     * @return the warning lines, empty when there are none
     */
    public List<String> warnings(Scenario s) {
        Set<String> used = new HashSet<>(s.outputs());
        s.formulas().forEach(f -> org.mcsim.expr.Exprs.references(f.expr()).forEach(r -> used.add(r.name())));
        s.claims().forEach(c -> org.mcsim.expr.Exprs.references(c.expr()).forEach(r -> used.add(r.name())));
        s.correlations().forEach(c -> {
            used.add(c.a());
            used.add(c.b());
        });
        Problems warnings = new Problems(displayName);
        for (org.mcsim.model.Input in : s.inputs()) {
            Outline.WrittenInput written = outline.inputs().get(in.name());
            if (!used.contains(in.name()) && written != null && written.pos().file() == null) {
                warnings.at(written.pos(), "warning: input " + in.name()
                    + " is not used by any formula, output, claim or correlation");
            }
        }
        for (String c : s.constants().keySet()) {
            Field written = outline.constants().get(c);
            if (!used.contains(c) && written != null && written.pos().file() == null) {
                warnings.at(written.pos(), "warning: constant " + c + " is not used by any formula or claim");
            }
        }
        return warnings.all().stream().sorted(java.util.Comparator.comparing(Problems.Problem::sortPos))
            .map(Problems.Problem::line).toList();
    }

    /**
     * Each input's distribution as the file writes it, before any conversion:
     * {@code lognormal(low=20000, high=40000)} where the model holds {@code mu} and {@code sigma}.
     * The report shows it first. {@code --set} overrides are not applied (run.json records them).
     *
     * @return input name to text, in file order
     */
    public Map<String, String> writtenDistributions() {
        Map<String, String> out = new LinkedHashMap<>();
        outline.inputs().forEach((name, in) -> {
            if (in.dist() != null) {
                out.put(name, written(in.dist()));
            }
        });
        return out;
    }

    private static String written(Outline.WrittenDist d) {
        List<String> parts = new java.util.ArrayList<>();
        d.params().forEach((key, field) -> {
            if (!key.equals("components")) {
                String text = Nodes.text(field.value());
                parts.add(key + "=" + (text != null ? text : "[...]"));
            }
        });
        if (!d.components().isEmpty()) {
            List<String> components = new java.util.ArrayList<>();
            for (Outline.WrittenComponent c : d.components()) {
                String w = c.weight() == null ? "?" : String.valueOf(Nodes.text(c.weight().value()));
                components.add(w + " x " + (c.dist() == null ? "?" : written(c.dist())));
            }
            parts.add(String.join(", ", components));
        }
        String truncate = "";
        if (d.truncate() != null) {
            List<Node> bounds = Nodes.items(d.truncate().value());
            truncate = bounds == null || bounds.size() != 2 ? "" : " truncated to [" + bound(bounds.get(0)) + ", "
                + bound(bounds.get(1)) + "]";
        }
        return d.family().label() + "(" + String.join(", ", parts) + ")" + truncate;
    }

    private static String bound(Node n) {
        return Nodes.isNull(n) ? "open" : String.valueOf(Nodes.text(n));
    }

    /** Checks the scenario and each variant; returns the scenario or null after reporting. */
    private Scenario check(Map<String, Double> overrides, Problems problems) {
        Map<String, Double> paths = Overrides.resolve(overrides, outline,
            (k, m) -> problems.line("--set " + k + ": " + m));
        Map<String, Map<String, Double>> resolved = new LinkedHashMap<>();
        Map<String, Map<String, WrittenInput>> replaced = new LinkedHashMap<>();
        List<Variant> variants = variants(problems, resolved, replaced);
        Scenario s = builder(outline, problems).check(paths, variants);
        Set<String> base = new HashSet<>(problems.lines());
        for (Map.Entry<String, Map<String, Double>> v : resolved.entrySet()) {
            Map<String, Double> merged = new LinkedHashMap<>(paths);
            merged.putAll(v.getValue());
            Problems vp = new Problems(displayName);
            builder(outline.withInputs(replaced.get(v.getKey())), vp).check(merged, variants);
            Pos at = outline.variants().get(v.getKey()).pos();
            for (Problems.Problem p : vp.all()) {
                if (!base.contains(p.line())) {
                    problems.at(at, "variant " + v.getKey() + ": " + p.message());
                }
            }
        }
        return s;
    }

    private static Scenario requireBuilt(Scenario s) {
        if (s == null) {
            throw new IllegalStateException("a scenario check failed without reporting a problem");
        }
        return s;
    }

    /**
     * Builds the scenario of one variant: its overrides applied on top of {@code overrides}.
     *
     * @param variant the variant's name
     * @param overrides command-line overrides, as for {@link #build}
     * @return the validated scenario with the variant's values
     * @throws ScenarioException for an unknown variant ({@code FILE: unknown variant ...}) or
     *     any problem, as for {@link #build}
     */
    public Scenario buildVariant(String variant, Map<String, Double> overrides) throws ScenarioException {
        Problems problems = new Problems(displayName);
        if (!outline.variants().containsKey(variant)) {
            String near = Suggestions.nearest(variant, outline.variants().keySet());
            problems.line(displayName + ": unknown variant '" + variant + "'"
                + (near == null ? "" : "; did you mean '" + near + "'?"));
            problems.throwIfAny();
        }
        Map<String, Map<String, Double>> resolved = new LinkedHashMap<>();
        Map<String, Map<String, WrittenInput>> replaced = new LinkedHashMap<>();
        List<Variant> variants = variants(problems, resolved, replaced);
        // keys are resolved against the variant's distributions (x.max where it makes x uniform);
        // one of a distribution the variant replaced does not apply to it, as the variant's values win
        Outline swapped = outline.withInputs(replaced.get(variant));
        Map<String, Double> applying = new LinkedHashMap<>(overrides);
        applying.keySet().removeIf(k -> replacedAway(k, swapped));
        Map<String, Double> paths = Overrides.resolve(applying, swapped,
            (k, m) -> problems.line("--set " + k + ": " + m));
        paths.putAll(resolved.getOrDefault(variant, Map.of()));
        Scenario s = builder(swapped, problems).check(paths, variants);
        problems.throwIfAny();
        return requireBuilt(s);
    }

    /**
     * The keys among {@code keys} that variant {@code variant} sets itself, or that name a
     * parameter of a distribution it replaces by one without it: its values are applied after the
     * command line's, so a sweep or solve that varied one of these keys would vary nothing. Keys
     * that name nothing settable, and an unknown variant, are left to {@link #buildVariant} to
     * report.
     *
     * @param variant the variant's name
     * @param keys {@code --set} keys, as written
     * @return the keys the variant sets, in the given order
     */
    public List<String> setByVariant(String variant, java.util.Collection<String> keys) {
        Problems ignored = new Problems(displayName);
        Map<String, Map<String, Double>> resolved = new LinkedHashMap<>();
        Map<String, Map<String, WrittenInput>> replaced = new LinkedHashMap<>();
        variants(ignored, resolved, replaced);
        Map<String, Double> set = resolved.getOrDefault(variant, Map.of());
        Outline swapped = outline.withInputs(replaced.getOrDefault(variant, Map.of()));
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String path = Overrides.path(k, swapped, new String[1]);
            if (path != null && set.containsKey(path) || replacedAway(k, swapped)) {
                out.add(k);
            }
        }
        return out;
    }

    /** Whether {@code key} names a parameter of a distribution that {@code swapped} replaced by one without it. */
    private boolean replacedAway(String key, Outline swapped) {
        return swapped != outline && Overrides.path(key, swapped, new String[1]) == null
            && Overrides.path(key, outline, new String[1]) != null;
    }

    /** The variants' names, in file order. */
    public List<String> variantNames() {
        return new ArrayList<>(outline.variants().keySet());
    }

    /** Hex SHA-256 of the file's bytes. */
    public String sha256() {
        return sha256;
    }

    /** The path as given, used in every message. */
    public String displayName() {
        return displayName;
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /**
     * The files this document has read besides itself so far ({@code include:} files when it was
     * read, empirical data files when it was built), absolute and normalized, in the order first
     * read: what a remote executor must be sent to build the same scenario.
     */
    public List<Path> filesRead() {
        return files.read();
    }

    private ModelBuilder builder(Outline o, Problems problems) {
        return new ModelBuilder(o, sourceLines, columns, problems);
    }

    /**
     * The variants as written, with each one's resolved overrides put in {@code resolved} and
     * the inputs whose whole distribution it replaces in {@code replaced}.
     */
    private List<Variant> variants(Problems problems, Map<String, Map<String, Double>> resolved,
                                   Map<String, Map<String, WrittenInput>> replaced) {
        List<Variant> out = new ArrayList<>();
        Values values = new Values(Map.of(), problems);
        for (WrittenVariant v : outline.variants().values()) {
            Map<String, Double> written = new LinkedHashMap<>();
            Map<String, Double> paths = new LinkedHashMap<>();
            Map<String, WrittenInput> swaps = replacements(v, problems);
            Outline swapped = outline.withInputs(swaps);
            replaced.put(v.name(), swaps);
            for (Field e : v.overrides().values()) {
                if (swaps.containsKey(e.key()) || e.value() instanceof org.snakeyaml.engine.v2.nodes.MappingNode) {
                    continue;
                }
                String label = "variant " + v.name() + ": " + Nodes.abbreviate(e.key());
                double x = values.item(e.value(), label, e.pos());
                String[] why = new String[1];
                String path = Overrides.path(e.key(), swapped, why);
                if (path == null) {
                    problems.at(e.pos(), label + ": " + why[0]);
                } else if (!Double.isNaN(x)) {
                    written.put(e.key(), x);
                    paths.put(path, x);
                }
            }
            out.add(new Variant(v.name(), written));
            resolved.put(v.name(), paths);
        }
        return out;
    }

    /**
     * A variant's entries whose value is a map: each replaces the whole distribution of the
     * input it names (a scalar input, or one element {@code price[h800]} of an indexed one).
     */
    private Map<String, WrittenInput> replacements(WrittenVariant v, Problems problems) {
        Map<String, WrittenInput> out = new LinkedHashMap<>();
        DistReader reader = new DistReader(problems);
        for (Field e : v.overrides().values()) {
            if (!(e.value() instanceof org.snakeyaml.engine.v2.nodes.MappingNode)) {
                continue;
            }
            WrittenInput was = outline.inputs().get(e.key());
            if (was == null) {
                String why = outline.indexing().variables().containsKey(e.key())
                    ? e.key() + " is indexed; replace one element at a time, as in \"" + e.key() + "[...]\""
                    : outline.constants().containsKey(e.key()) || outline.formulas().containsKey(e.key())
                    ? e.key() + " is not an input; a distribution replaces an input's"
                    : Nodes.unknown("input", e.key(), outline.inputs().keySet());
                problems.at(e.pos(), "variant " + v.name() + ": " + Nodes.abbreviate(e.key()) + ": " + why);
                continue;
            }
            WrittenInput now = reader.input(e);
            out.put(e.key(), new WrittenInput(was.name(), was.pos(), now.dist(),
                now.unit() != null ? now.unit() : was.unit(), now.description() != null ? now.description()
                : was.description(), now.source() != null ? now.source() : was.source()));
        }
        return out;
    }

    private static String hash(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}

package org.mcsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mcsim.scenario.ScenarioDocument;
import org.mcsim.scenario.ScenarioException;

/**
 * The repository is its own reference: every link in its Markdown pages points at a file inside
 * it, every file a README shell example names exists, and every YAML scenario shown in the
 * README or docs/ is valid (a block preceded by {@code <!-- invalid -->} must be refused).
 */
class DocsTest {
    /** The repository root: tests run in simulator/. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern FENCE = Pattern.compile("(?m)^```([a-z]*)\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern PATH_TOKEN = Pattern.compile(
        "(?:scenarios|benchmarks|docs)/[^\\s'\"`)]*|[^\\s'\"`(=]+\\.(?:ya?ml|csv|py|md)\\b");

    static List<Path> pages() {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("benchmarks/README.md")));
        for (String dir : List.of("docs", "scenarios")) {
            try (Stream<Path> s = Files.walk(ROOT.resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pages;
    }

    /** Problems with the links of one page: outside the repository, absolute, or missing. */
    static List<String> brokenLinks(Path page, String text) {
        List<String> problems = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String target = m.group(1);
            if (target.matches("(?i)(https?|mailto):.*") || target.startsWith("#")) {
                continue;
            }
            String file = target.replaceFirst("#.*$", "");
            Path resolved = page.getParent().resolve(file).normalize();
            String where = ROOT.relativize(page) + ": link " + target;
            if (file.startsWith("/") || file.matches("(?i)[a-z]+:.*")) {
                problems.add(where + " is not a relative path inside the repository");
            } else if (!resolved.startsWith(ROOT)) {
                problems.add(where + " points outside the repository");
            } else if (!Files.exists(resolved)) {
                problems.add(where + " names a missing file");
            }
        }
        return problems;
    }

    /**
     * Files that the shell examples of a page name (run from the repository root) and that do not
     * exist. Output paths (under out/), absolute paths (a cluster's) and files an example writes
     * itself are not checked; a glob must match at least one file.
     */
    static List<String> missingExampleFiles(String text) {
        List<String> problems = new ArrayList<>();
        Matcher block = FENCE.matcher(text);
        while (block.find()) {
            boolean shell = block.group(1).equals("sh");
            for (String line : block.group(2).split("\n")) {
                String command = shell ? line : line.startsWith("$ ") ? line.substring(2) : null;
                if (command == null || command.isBlank() || command.startsWith("#")) {
                    continue;
                }
                command = command.replaceFirst("\\s#.*$", "");
                Matcher t = PATH_TOKEN.matcher(command);
                while (t.find()) {
                    String token = t.group();
                    if (token.startsWith("out/") || token.startsWith("/") || token.contains("out/")
                        || token.contains("OUT") || token.contains("://")) {
                        continue;
                    }
                    if (!exists(token)) {
                        problems.add("shell example names a missing file " + token + ": " + line);
                    }
                }
            }
        }
        return problems;
    }

    private static boolean exists(String token) {
        if (!token.contains("*")) {
            return Files.exists(ROOT.resolve(token));
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + token);
        try (Stream<Path> s = Files.walk(ROOT, 4)) {
            return s.anyMatch(p -> glob.matches(ROOT.relativize(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyLinkOfEveryPagePointsAtAFileInsideTheRepository() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path page : pages()) {
            problems.addAll(brokenLinks(page, Files.readString(page)));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theLinkCheckCatchesMissingAndEscapingLinks() {
        Path readme = ROOT.resolve("README.md");
        assertEquals(3, brokenLinks(readme, "[a](../../elsewhere/cli.md) [b](docs/missing.md) [c](/etc/passwd)"
            + " [ok](docs/cli.md#run) [web](https://example.org/x)").size());
    }

    @Test
    void everyFileTheReadmesShellExamplesNameExists() throws IOException {
        assertEquals(List.of(), missingExampleFiles(Files.readString(ROOT.resolve("README.md"))));
        assertEquals(List.of(), missingExampleFiles(Files.readString(ROOT.resolve("docs/cli.md"))));
        assertEquals(List.of(), missingExampleFiles(Files.readString(ROOT.resolve("docs/scenario-format.md"))));
    }

    @Test
    void theExampleCheckCatchesAMissingFile() {
        String text = "```sh\n./mcsim run scenarios/deepseek/nope.yaml -o out/x\n"
            + "./mcsim compare scenarios/deepseek/*.yaml\n```\n```\n$ ./mcsim validate missing.yaml\n```\n";
        List<String> problems = missingExampleFiles(text);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("scenarios/deepseek/nope.yaml"));
        assertTrue(problems.get(1).contains("missing.yaml"));
    }

    @Test
    void everyScenarioShownInTheReadmeAndDocsIsValid() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        pages.addAll(pages().stream().filter(p -> p.startsWith(ROOT.resolve("docs"))).toList());
        for (Path page : pages) {
            String text = Files.readString(page);
            Matcher block = FENCE.matcher(text);
            while (block.find()) {
                String yaml = block.group(2);
                if (!block.group(1).equals("yaml") || !yaml.matches("(?s)(.*\\n)?name:.*")) {
                    continue;
                }
                boolean invalid = text.substring(0, block.start()).stripTrailing().endsWith("<!-- invalid -->");
                checked++;
                String where = ROOT.relativize(page) + " block at offset " + block.start();
                try {
                    ScenarioDocument.of(yaml.getBytes(StandardCharsets.UTF_8), page, "example.yaml").build(Map.of());
                    if (invalid) {
                        problems.add(where + ": marked invalid but validates");
                    }
                } catch (ScenarioException e) {
                    if (!invalid) {
                        problems.add(where + ": " + e.lines());
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked >= 3, "found " + checked + " scenario blocks");
    }
}

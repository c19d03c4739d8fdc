package org.mcsim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * House rules the compiler does not check: numbers and messages are formatted in the root locale,
 * so that output is the same under any default locale ({@code cli/LocaleTest} runs the command
 * line under two others).
 */
class SourceRulesTest {

    private static final Pattern DEFAULT_LOCALE = Pattern.compile(
        "String\\.format\\((?!\\s*(java\\.util\\.)?Locale\\.ROOT)|\\.formatted\\(|printf\\((?!\\s*(java\\.util\\.)?Locale\\.ROOT)"
            + "|\\.to(Upper|Lower)Case\\(\\)");

    @Test
    void formattingAlwaysNamesTheRootLocale() throws IOException {
        List<String> found = new ArrayList<>();
        for (String root : new String[] {"src/main/java", "../spark/src/main/java"}) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = DEFAULT_LOCALE.matcher(lines.get(i));
                        if (m.find()) {
                            found.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}

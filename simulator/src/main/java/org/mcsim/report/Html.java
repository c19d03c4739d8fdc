package org.mcsim.report;

import java.util.List;

/**
 * Small HTML building blocks: escaping and tables. Every text that comes from a file goes
 * through {@link #escape}; cells passed to {@link #table} are HTML already. Stateless.
 */
final class Html {
    private Html() {
    }

    /**
     * Escapes text for element content and quoted attribute values. The colon of {@code ://} is
     * written {@code &#58;} as well: a URL cited in a source then reads the same in the browser,
     * but the file holds no literal {@code https:} that a check (or a person) could take for a
     * network reference.
     *
     * @param text any text, null reads as empty
     * @return the text with {@code & < > " '} (and the colon of {@code ://}) replaced by entities
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case ':' -> out.append(text.startsWith("//", i + 1) ? "&#58;" : ":");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A table; numeric columns are right-aligned.
     *
     * @param out where to append
     * @param headers column headings (plain text); all empty for a table without a head
     * @param numeric which columns hold numbers
     * @param rows the cells, as HTML
     */
    static void table(StringBuilder out, List<String> headers, boolean[] numeric, List<List<String>> rows) {
        // a table wider than the page (many intervals) scrolls within its box, not the page
        out.append("<div class=\"wide\"><table>\n");
        if (headers.stream().anyMatch(h -> !h.isEmpty())) {
            out.append("<thead><tr>");
            for (int i = 0; i < headers.size(); i++) {
                out.append(numeric[i] ? "<th class=\"num\">" : "<th>").append(escape(headers.get(i)))
                    .append("</th>");
            }
            out.append("</tr></thead>\n");
        }
        out.append("<tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.append(numeric[i] ? "<td class=\"num\">" : "<td>").append(row.get(i)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
    }

    /**
     * A figure: the image, linked to itself, with its file name beside it.
     *
     * @param out where to append
     * @param figure the figure
     */
    static void figure(StringBuilder out, Figure figure) {
        String file = escape(figure.file());
        out.append("<figure><a href=\"").append(file).append("\"><img src=\"").append(file)
            .append("\" alt=\"").append(escape(figure.alt())).append("\"></a><figcaption>")
            .append(escape(figure.alt())).append(" \u2014 <code>").append(file)
            .append("</code></figcaption></figure>\n");
    }

    /**
     * Text in a code element.
     *
     * @param text plain text
     * @return the HTML
     */
    static String code(String text) {
        return "<code>" + escape(text) + "</code>";
    }

    /**
     * Secondary text in a muted span.
     *
     * @param text plain text
     * @return the HTML, empty for empty text
     */
    static String muted(String text) {
        return text.isEmpty() ? "" : "<span class=\"muted\">" + escape(text) + "</span>";
    }
}

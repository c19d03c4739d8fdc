package org.mcsim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void prettyPrintsInInsertionOrder() {
        String text = Json.object()
            .put("name", "fleet-tco")
            .put("seed", 42L)
            .put("elapsed_seconds", 1.5)
            .put("rate", 1e7)
            .put("exact", true)
            .putNull("sketch")
            .put("warnings", Json.strings(List.of("a", "b")))
            .put("empty", Json.array())
            .put("inputs", Json.object().put("x", Json.object().put("unit", "USD")).put("none", Json.object()))
            .toJson();
        String expected = "{\n"
            + "  \"name\": \"fleet-tco\",\n"
            + "  \"seed\": 42,\n"
            + "  \"elapsed_seconds\": 1.5,\n"
            + "  \"rate\": 1.0E7,\n"
            + "  \"exact\": true,\n"
            + "  \"sketch\": null,\n"
            + "  \"warnings\": [\n"
            + "    \"a\",\n"
            + "    \"b\"\n"
            + "  ],\n"
            + "  \"empty\": [],\n"
            + "  \"inputs\": {\n"
            + "    \"x\": {\n"
            + "      \"unit\": \"USD\"\n"
            + "    },\n"
            + "    \"none\": {}\n"
            + "  }\n"
            + "}";
        assertEquals(expected, text);
    }

    @Test
    void escapesStringsPerRfc8259() {
        assertEquals("\"a\\\"b\\\\c/d\"", Json.quote("a\"b\\c/d"));
        assertEquals("\"\\n\\r\\t\\b\\f\\u0000\\u001f\"", Json.quote("\n\r\t\b\f\u0000\u001f"));
        assertEquals("\"ü € 😀 \u2028\"", Json.quote("ü € 😀 \u2028"));
        assertEquals("\"x\\ud800y\\udc00\"", Json.quote("x\ud800y\udc00"));
        assertEquals("{\n  \"k\\\"ey\": [\n    null,\n    -0.5,\n    7,\n    false\n  ]\n}",
            Json.object().put("k\"ey", Json.array().add((String) null).add(-0.5).add(7L).add(false)).toJson());
    }

    @Test
    void jacksonJrWritesMcsimsNumbersAndStrings() {
        // JDK 17's Double.toString prints 1.9999999999999998E23; an unpaired surrogate has no UTF-8
        assertEquals("{\n  \"r\": 2.0E23,\n  \"s\": \"a\\ud800\\u0001\"\n}",
            Json.object().put("r", 2e23).put("s", "a\ud800\u0001").toJson());
    }

    @Test
    void refusesNonFiniteNumbersDuplicateKeysAndMixedUse() {
        assertThrows(IllegalArgumentException.class, () -> Json.object().put("x", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Json.array().add(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Json.object().put("a", 1L).put("a", 2L));
        assertThrows(IllegalStateException.class, () -> Json.array().put("a", 1L));
        assertThrows(IllegalStateException.class, () -> Json.object().add(1L));
    }
}

package org.mcsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The tool's version, from the build (version.properties, filtered by Maven). */
public final class Version implements CommandLine.IVersionProvider {

    /** The version string, such as {@code 0.1.0}. */
    public static String get() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"mcsim " + get(), "Java " + Runtime.version()};
    }
}

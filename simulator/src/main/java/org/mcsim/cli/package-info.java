/**
 * The {@code mcsim} command line (picocli): parses options, calls the library, prints, and maps
 * failures to exit statuses. The only package with {@code System.exit} and standard output.
 */
package org.mcsim.cli;

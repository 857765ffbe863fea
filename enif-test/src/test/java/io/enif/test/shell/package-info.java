/**
 * The shell's integration tests: {@code io.enif.shell.Shell} on a real client against an in-JVM mini-cluster, checking
 * Pegasus's output words, JSON output and error messages end to end.
 */
package io.enif.test.shell;

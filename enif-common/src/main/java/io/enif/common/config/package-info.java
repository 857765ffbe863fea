/**
 * The typed configuration registry (DESIGN §7, STYLE convention 7).
 *
 * <p>Every setting is a {@link io.enif.common.config.ConfigKey} declared once, next to the code that reads it,
 * with Pegasus's ini section and key name, a type, a default, a description and a mutable tag. Each module lists
 * its keys in a {@link io.enif.common.config.ConfigKeyHolder} found by {@link java.util.ServiceLoader}, so the
 * {@link io.enif.common.config.ConfigRegistry} is complete whatever code paths run. A
 * {@link io.enif.common.config.ConfigLoader} reads an ini file ({@link io.enif.common.config.IniParser}) plus
 * command-line overrides into a {@link io.enif.common.config.Config}, the effective typed values; components read
 * typed values from it, never raw strings. {@link io.enif.common.config.ConfigDump} renders the effective
 * configuration as ini ({@code config-dump}), as structured entries ({@code /config}, {@code /configs}) and as a
 * Markdown table ({@code docs/config.md}).
 *
 * <p>What belongs here: the key, type, validator, registry, parser, loader, effective view and dump. What does not:
 * the keys themselves (they live with the code that uses them) and HTTP or remote-command plumbing.
 */
package io.enif.common.config;

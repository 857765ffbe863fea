package io.enif.common.config;

/**
 * The value types Pegasus reports for a flag in {@code GET /config} ({@code "type":"FV_INT32"}, ...).
 *
 * <p>Every {@link ConfigType} maps onto one of these so that Enif's HTTP answers read like Pegasus's; richer Java
 * types (lists, enums, durations) report the flag type of their ini text.
 */
public enum FlagType {
    FV_BOOL,
    FV_INT32,
    FV_UINT32,
    FV_INT64,
    FV_UINT64,
    FV_DOUBLE,
    FV_STRING
}

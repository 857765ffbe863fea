/**
 * The table environment registry ("app envs", {@code spec/ops-tables.md} §1.3): every env key Pegasus knows, with
 * its type, limits, sample and default, and the validator the meta server runs at {@code create_app} and {@code
 * set_app_envs}. The parsers of the structured values (throttling rules, request denial) live here too, so the
 * replica server reads a value with the same grammar the meta server accepted it with.
 */
package io.enif.common.env;

/**
 * The server roles the launcher runs ({@code enif meta}, later {@code enif replica}): the {@link
 * io.enif.server.role.ServerRole} plug-in contract, the registry that finds roles through {@link
 * java.util.ServiceLoader}, and how a role's config file becomes a listening server ({@link
 * io.enif.server.role.ServerLauncher}, {@link io.enif.server.role.ServerAddress}).
 */
package io.enif.server.role;

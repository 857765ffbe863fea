/**
 * What the launcher adds to the configuration registry: the keys it reads itself ({@code [network]
 * primary_interface}, the {@code [apps.<role>] ports} blocks), how the advertised address is chosen, and the
 * generated sample config {@code conf/enif.ini}.
 */
package io.enif.server.config;

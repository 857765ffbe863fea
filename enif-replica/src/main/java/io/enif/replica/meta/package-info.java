/**
 * The replica server's link to the meta server leader ({@link io.enif.replica.meta.MetaConnection}): beacons and
 * the lease they grant, config sync ({@link io.enif.replica.meta.ConfigSync}) and the replicas' requests to persist
 * configuration changes. What the link needs from the server's replicas is {@link
 * io.enif.replica.meta.HostedReplicas}.
 */
package io.enif.replica.meta;

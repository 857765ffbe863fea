/**
 * The standalone ZooKeeper server of {@code enif zookeeper} (the onebox's ZooKeeper, in its own process) and the
 * four-letter-word probe that checks it.
 */
package io.enif.server.zookeeper;

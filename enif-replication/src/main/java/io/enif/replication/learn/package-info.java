/**
 * The learner protocol that turns a new node into a secondary (spec §6.9): the primary's side ({@link
 * io.enif.replication.learn.Learnee}) and the potential secondary's side ({@link io.enif.replication.learn.Learner}).
 * File transfer is the driver's job; the core only names what to copy.
 */
package io.enif.replication.learn;

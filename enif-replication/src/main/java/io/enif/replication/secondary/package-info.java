/**
 * A member's phases: prepare handling on secondaries and learners ({@link
 * io.enif.replication.secondary.PrepareHandler}), and group check, learner invitation, removal and the silent-primary
 * watch ({@link io.enif.replication.secondary.MemberGroupCheck}).
 */
package io.enif.replication.secondary;

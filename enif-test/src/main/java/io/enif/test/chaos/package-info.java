/**
 * Process-level chaos against a running onebox: client threads run a recorded workload of Pegasus data operations
 * while a seeded fault injector kill -9s, SIGSTOPs/SIGCONTs and restarts meta and replica servers; at the end every
 * fault is healed, every cell is read once more, and the history goes through the same checkers as the simulation
 * ({@link io.enif.test.history.SurvivalChecker}, {@link io.enif.test.history.LinearizabilityChecker}).
 *
 * <p>What belongs here: the fault plan ({@link io.enif.test.chaos.FaultPlan}, pure and seeded), its executor, the
 * workload and its outcome mapping, the run and its report. How processes are signalled and started is behind {@link
 * io.enif.test.chaos.ProcessControl}, which the launcher ({@code enif chaos}) implements for the onebox.
 */
package io.enif.test.chaos;

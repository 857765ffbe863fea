/**
 * Client histories and the checkers that judge them (DESIGN §4, §8): a {@link io.enif.test.history.History} records
 * every invocation and completion of put, get, incr, check_and_set and multi_put with its outcome (ok, failed and not
 * applied, or unknown); {@link io.enif.test.history.LinearizabilityChecker} decides per hash key whether the history
 * is linearizable (a Wing–Gong search with Lowe's memoisation, as Porcupine does it), treating unknown outcomes as
 * operations that may or may not have taken effect; {@link io.enif.test.history.SurvivalChecker} checks that every
 * acknowledged write is still visible to the final reads; {@link io.enif.test.history.OpMix} is the operation mix both
 * the simulation's and the chaos run's clients draw from.
 *
 * <p>Nothing here knows the cluster: the simulation, the process-level chaos runs and unit tests all feed the same
 * records.
 */
package io.enif.test.history;

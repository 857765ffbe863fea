/** Benchmarks of Enif's parts, run with JMH: see {@code docs/benchmarks.md} for the commands and the figures. */
package io.enif.bench;

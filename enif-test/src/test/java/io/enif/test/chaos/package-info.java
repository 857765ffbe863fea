/** Tests of the chaos driver's pure parts: the seeded fault plan, its injector against a fake cluster, the outcome mapping, the workload and the report. */
package io.enif.test.chaos;

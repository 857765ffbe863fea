/** Value types every module shares: partition ids, server addresses. They carry no behaviour beyond their form. */
package io.enif.common;

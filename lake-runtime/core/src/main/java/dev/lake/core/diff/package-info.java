/** The differ: the smallest change set that takes a replayed history to a declared model. */
package dev.lake.core.diff;

/**
 * Lake's Maven goals. Each mojo is thin: parameters in, a request to the runtime (or the processor),
 * a result out; {@link dev.lake.maven.LakeProject} holds what several goals share.
 */
package dev.lake.maven;

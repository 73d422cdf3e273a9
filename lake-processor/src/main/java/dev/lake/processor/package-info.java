/**
 * Lake's annotation processor. {@link dev.lake.processor.LakeProcessor} only wires the stages:
 * readers turn elements (and Avro schemas) into the format-neutral model, the core replays and diffs,
 * and the writer turns changes into JavaPoet code without ever seeing an element. Every user mistake
 * goes through one {@link dev.lake.processor.Reporter}.
 */
package dev.lake.processor;

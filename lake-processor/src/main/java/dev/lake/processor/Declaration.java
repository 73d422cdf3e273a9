package dev.lake.processor;

import dev.lake.core.diff.RenameHints;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableModel;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @LakeTable} declaration read into the model, with its format's rules, its rename hints, and
 * whether it is enabled ({@code @LakeTable(enabled = false)} keeps it out of generation, drift and goals).
 */
record Declaration(TypeElement element, TableModel model, FormatRules rules, RenameHints hints, boolean enabled) {}

package dev.lake.processor;

import dev.lake.core.diff.RenameHints;
import dev.lake.core.model.FormatRules;
import dev.lake.core.model.TableModel;
import javax.lang.model.element.TypeElement;

/** A {@code @LakeTable} declaration read into the model, with its format's rules and its rename hints. */
record Declaration(TypeElement element, TableModel model, FormatRules rules, RenameHints hints) {}

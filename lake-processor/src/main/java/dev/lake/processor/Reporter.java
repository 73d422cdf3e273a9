package dev.lake.processor;

import java.lang.annotation.Annotation;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Reports problems on the element, annotation mirror and value that caused them, and counts errors so
 * that processing can go on and show them all.
 */
final class Reporter {
  private final Messager messager;
  private int errors;

  Reporter(Messager messager) {
    this.messager = messager;
  }

  void error(Element element, String message) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, positioned(element));
  }

  /** An error on {@code annotation} of {@code element}, at {@code attribute}'s value when it is written. */
  void error(Element element, Class<? extends Annotation> annotation, String attribute, String message) {
    errors++;
    element = positioned(element);
    AnnotationMirror mirror = mirror(element, annotation);
    if (mirror == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element);
      return;
    }
    AnnotationValue value = attribute == null ? null : value(mirror, attribute);
    if (value == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, mirror);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, mirror, value);
    }
  }

  /** An error on a given annotation mirror of {@code element}. */
  void error(Element element, AnnotationMirror mirror, String message) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, positioned(element), mirror);
  }

  void report(Diagnostic.Kind kind, Element element, String message) {
    if (kind == Diagnostic.Kind.ERROR) {
      errors++;
    }
    messager.printMessage(kind, message, positioned(element));
  }

  void note(String message) {
    messager.printMessage(Diagnostic.Kind.NOTE, message);
  }

  int errors() {
    return errors;
  }

  /**
   * An element javac can place in the source. A record component has no position of its own in
   * diagnostics; its field, which carries the same annotations, does.
   */
  static Element positioned(Element element) {
    if (element.getKind() == ElementKind.RECORD_COMPONENT) {
      for (Element field : ElementFilter.fieldsIn(element.getEnclosingElement().getEnclosedElements())) {
        if (field.getSimpleName().contentEquals(element.getSimpleName())) {
          return field;
        }
      }
    }
    return element;
  }

  /** The mirror of {@code annotation} on {@code element}, or of its container when it is repeated. */
  static AnnotationMirror mirror(Element element, Class<? extends Annotation> annotation) {
    String name = annotation.getCanonicalName();
    String container = name + ".List";
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String type = mirror.getAnnotationType().toString();
      if (type.equals(name) || type.equals(container)) {
        return mirror;
      }
    }
    return null;
  }

  private static AnnotationValue value(AnnotationMirror mirror, String attribute) {
    for (var entry : mirror.getElementValues().entrySet()) {
      ExecutableElement key = entry.getKey();
      if (key.getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }
    return null;
  }
}

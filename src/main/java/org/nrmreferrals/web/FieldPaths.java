package org.nrmreferrals.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.List;

/** Names request fields as a caller wrote them: {@code potentialVictim.nationalities[0]}. */
final class FieldPaths {
  private FieldPaths() {}

  /** A Bean Validation path without the method and parameter nodes. */
  static String of(Path path) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
        continue;
      }
      if (node.isInIterable()) {
        Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
        field.append('[').append(position == null ? "" : position).append(']');
      }
      append(field, node.getName());
    }
    return field.toString();
  }

  /** A Jackson path to the field that could not be read. */
  static String of(List<JsonMappingException.Reference> path) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        append(field, ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        field.append('[').append(ref.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  private static void append(StringBuilder field, String name) {
    if (name == null || name.startsWith("<")) {
      return;
    }
    if (field.length() > 0) {
      field.append('.');
    }
    field.append(name);
  }
}

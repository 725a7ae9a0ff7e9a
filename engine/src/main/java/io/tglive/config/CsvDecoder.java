package io.tglive.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code csvdecode}: RFC 4180 text with a header row, as Go's {@code encoding/csv} reads it. */
final class CsvDecoder {

  private CsvDecoder() {}

  static Value decode(Invocation c, String text) {
    List<List<String>> rows = parse(c, text);
    if (rows.isEmpty()) {
      throw c.argumentError(0, "missing header line");
    }
    List<String> header = rows.get(0);
    List<Value> out = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.size() != header.size()) {
        throw c.argumentError(0, "record on line " + (r + 1) + ": wrong number of fields");
      }
      Map<String, Value> object = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        object.put(header.get(i), Value.string(row.get(i)));
      }
      out.add(Value.object(object));
      EvaluationBudget.checkCollection(out.size());
    }
    return Value.list(out);
  }

  private static List<List<String>> parse(Invocation c, String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int i = 0;
    boolean rowStarted = false;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (ch == '"' && field.length() == 0) {
        int start = line;
        i++;
        while (true) {
          if (i >= text.length()) {
            throw c.argumentError(0, "record on line " + start + ": extraneous or missing \" in quoted-field");
          }
          char q = text.charAt(i);
          if (q == '"') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q == '\n') {
            line++;
          }
          field.append(q);
          i++;
        }
        rowStarted = true;
        if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          throw c.argumentError(0, "record on line " + line + ": extraneous or missing \" in quoted-field");
        }
        continue;
      }
      if (ch == ',') {
        row.add(field.toString());
        field.setLength(0);
        rowStarted = true;
        i++;
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (rowStarted || field.length() > 0) {
          row.add(field.toString());
          rows.add(row);
        }
        row = new ArrayList<>();
        field.setLength(0);
        rowStarted = false;
        line++;
        i++;
      } else {
        if (ch == '"') {
          throw c.argumentError(0, "record on line " + line + ": bare \" in non-quoted-field");
        }
        field.append(ch);
        rowStarted = true;
        i++;
      }
    }
    if (rowStarted || field.length() > 0) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}

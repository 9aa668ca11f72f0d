package org.dlmathlab.math.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of fields, close to RFC 4180: fields are separated by commas; a field wrapped in double
 * quotes may hold commas, line breaks and doubled quotes ({@code ""} stands for one {@code "}); records end at CRLF, LF
 * or CR. Unlike the RFC, blank lines are skipped and spaces around an unquoted field are trimmed (spreadsheets write
 * "1, 2"). A record that breaks the quoting rules (a quote inside an unquoted field, text after a closing quote, a
 * quote never closed) is returned with an error instead of fields, so the caller can report its line and go on.
 */
final class CsvRecords {

    private CsvRecords() {
    }

    /**
     * One record.
     *
     * @param line   the 1-based line on which it starts
     * @param fields its fields (empty when error is set)
     * @param error  what is wrong with its quoting, or null
     */
    record Record(int line, List<String> fields, String error) {
    }

    static List<Record> split(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Record> records = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = s.length();
        while (i < n) {
            int startLine = line;
            List<String> fields = new ArrayList<>();
            String error = null;
            StringBuilder field = new StringBuilder();
            boolean quoted = false;     // the current field started with a quote
            boolean inQuotes = false;   // inside that quote right now
            boolean afterQuote = false; // the closing quote has been read
            boolean endOfRecord = false;
            while (i < n && !endOfRecord) {
                char c = s.charAt(i);
                if (inQuotes) {
                    if (c == '"') {
                        if (i + 1 < n && s.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        inQuotes = false;
                        afterQuote = true;
                        i++;
                        continue;
                    }
                    if (c == '\r' || c == '\n') {
                        line++;
                        if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                            field.append('\r');
                            i++;
                            c = '\n';
                        }
                    }
                    field.append(c);
                    i++;
                    continue;
                }
                if (c == ',') {
                    fields.add(finish(field, quoted));
                    field.setLength(0);
                    quoted = false;
                    afterQuote = false;
                    i++;
                } else if (c == '\r' || c == '\n') {
                    i += (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') ? 2 : 1;
                    line++;
                    endOfRecord = true;
                } else if (c == '"') {
                    if (field.toString().isBlank() && !quoted) {
                        quoted = true;
                        inQuotes = true;
                        field.setLength(0);
                    } else if (error == null) {
                        error = afterQuote ? "a quoted value is followed by more text before the next comma"
                                : "a quote appears inside a value that does not start with one";
                    }
                    i++;
                } else {
                    if (afterQuote && !Character.isWhitespace(c) && error == null) {
                        error = "a quoted value is followed by more text before the next comma";
                    }
                    if (!afterQuote) {
                        field.append(c);
                    }
                    i++;
                }
            }
            if (inQuotes) {
                error = "a quote opened on this line is never closed";
            }
            fields.add(finish(field, quoted));
            boolean blank = fields.size() == 1 && !quoted && fields.get(0).isEmpty();
            if (error != null) {
                records.add(new Record(startLine, List.of(), error));
            } else if (!blank) {
                records.add(new Record(startLine, fields, null));
            }
        }
        return records;
    }

    private static String finish(StringBuilder field, boolean quoted) {
        return quoted ? field.toString() : field.toString().strip();
    }
}

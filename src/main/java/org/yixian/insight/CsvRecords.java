package org.yixian.insight;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a UTF-8 CSV file (RFC 4180, one header row) for the commands: rows as maps from
 * column name to value. Text columns keep their line breaks; the analysis normalises
 * whitespace.
 */
final class CsvRecords {

	private CsvRecords() {
	}

	static List<Map<String, String>> read(Path file) throws IOException {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.parse(reader, format)) {
			List<Map<String, String>> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				rows.add(record.toMap());
			}
			if (!rows.isEmpty() || parser.getHeaderNames().isEmpty()) {
				return rows;
			}
			return rows;
		}
	}

	/**
	 * The value of one or more columns ({@code 留言主题,留言详情}), joined by a line break.
	 * @throws IllegalArgumentException if a column is missing
	 */
	static String columns(Map<String, String> row, String columns) {
		StringBuilder text = new StringBuilder();
		for (String column : columns.split(",")) {
			String name = column.strip();
			if (!row.containsKey(name)) {
				throw new IllegalArgumentException("no column " + name + " (columns: " + row.keySet() + ")");
			}
			String value = row.get(name);
			if (value != null && !value.isBlank()) {
				if (text.length() > 0) {
					text.append('\n');
				}
				text.append(value.strip());
			}
		}
		return text.toString();
	}

	/**
	 * Labelled examples from a file; rows with an empty text or label are skipped.
	 */
	static List<TextClassifier.Example> examples(Path file, String textColumn, String labelColumn) throws IOException {
		List<TextClassifier.Example> examples = new ArrayList<>();
		for (Map<String, String> row : read(file)) {
			String text = columns(row, textColumn);
			String label = columns(row, labelColumn).strip();
			if (!text.isBlank() && !label.isEmpty()) {
				examples.add(new TextClassifier.Example(text, label));
			}
		}
		return examples;
	}

}

package org.yixian.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Tables as an Excel workbook (Apache POI): one sheet per table, a header row, numbers as
 * numbers.
 */
final class Sheets {

	private Sheets() {
	}

	/**
	 * A table: its sheet name, header and rows.
	 */
	record Table(String name, List<String> header, List<List<Object>> rows) {
	}

	static byte[] workbook(List<Table> tables) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (Table table : tables) {
				Sheet sheet = workbook.createSheet(table.name());
				Row header = sheet.createRow(0);
				for (int c = 0; c < table.header().size(); c++) {
					header.createCell(c).setCellValue(table.header().get(c));
				}
				int r = 1;
				for (List<Object> values : table.rows()) {
					Row row = sheet.createRow(r++);
					for (int c = 0; c < values.size(); c++) {
						Object value = values.get(c);
						if (value instanceof Number number) {
							row.createCell(c).setCellValue(number.doubleValue());
						}
						else if (value != null) {
							row.createCell(c).setCellValue(value.toString());
						}
					}
				}
				for (int c = 0; c < table.header().size(); c++) {
					sheet.setColumnWidth(c, 14 * 256);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

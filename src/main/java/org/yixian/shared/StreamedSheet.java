package org.yixian.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One Excel sheet written as it is filled (Apache POI SXSSF, 200 rows in memory): a bold,
 * frozen header row, wide columns where long text goes, then one row per {@link #row()};
 * the exports of lists share it.
 */
public final class StreamedSheet implements AutoCloseable {

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);

	private final Sheet sheet;

	private int next = 1;

	/**
	 * @param name the sheet's name
	 * @param header the columns' titles
	 * @param wide the columns (from 0) that hold long text
	 */
	public StreamedSheet(String name, List<String> header, Set<Integer> wide) {
		this.sheet = this.workbook.createSheet(name);
		CellStyle style = this.workbook.createCellStyle();
		Font bold = this.workbook.createFont();
		bold.setBold(true);
		style.setFont(bold);
		Row head = this.sheet.createRow(0);
		for (int i = 0; i < header.size(); i++) {
			head.createCell(i).setCellValue(header.get(i));
			head.getCell(i).setCellStyle(style);
			this.sheet.setColumnWidth(i, wide.contains(i) ? 40 * 256 : 16 * 256);
		}
		this.sheet.createFreezePane(0, 1);
	}

	/**
	 * The next row below the last one.
	 */
	public Row row() {
		return this.sheet.createRow(this.next++);
	}

	/**
	 * How many rows follow the header.
	 */
	public int rows() {
		return this.next - 1;
	}

	public void write(OutputStream out) throws IOException {
		this.workbook.write(out);
	}

	@Override
	public void close() throws IOException {
		this.workbook.dispose();
		this.workbook.close();
	}

	/**
	 * A cell's text for a value that may be missing.
	 */
	public static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}

package se.kompetensportal.shared.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes an Excel (.xlsx) workbook row by row with POI's streaming API: only a window of rows is kept in memory, so a
 * sheet of a hundred thousand rows costs no more memory than one of a hundred. Use with try-with-resources.
 */
public final class SpreadsheetWriter implements AutoCloseable {

    private static final int WINDOW = 200;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final CellStyle headerStyle;
    private final CellStyle dateStyle;
    private final CellStyle dateTimeStyle;
    private SXSSFSheet sheet;
    private int nextRow;

    public SpreadsheetWriter() {
        workbook.setCompressTempFiles(true);
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        dateTimeStyle = workbook.createCellStyle();
        dateTimeStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
    }

    /** Starts a new sheet with a bold, frozen header row. */
    public SpreadsheetWriter sheet(String name, List<String> headers) {
        sheet = workbook.createSheet(name);
        nextRow = 0;
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(i, Math.max(10, Math.min(60, headers.get(i).length() + 4)) * 256);
        }
        sheet.createFreezePane(0, 1);
        return this;
    }

    /** Appends a row; numbers, dates and booleans keep their type, anything else is written as text. */
    public SpreadsheetWriter row(Object... values) {
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            switch (value) {
                case Number n when n instanceof BigDecimal d -> cell.setCellValue(d.doubleValue());
                case Number n -> cell.setCellValue(n.doubleValue());
                case Boolean b -> cell.setCellValue(b);
                case LocalDate d -> {
                    cell.setCellValue(d);
                    cell.setCellStyle(dateStyle);
                }
                case LocalDateTime t -> {
                    cell.setCellValue(t);
                    cell.setCellStyle(dateTimeStyle);
                }
                case TemporalAccessor t -> cell.setCellValue(t.toString());
                default -> cell.setCellValue(value.toString());
            }
        }
        return this;
    }

    public void writeTo(OutputStream out) {
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the spreadsheet", e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

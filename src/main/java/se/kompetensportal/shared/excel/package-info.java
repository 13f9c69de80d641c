/** Streaming Excel workbooks: {@link se.kompetensportal.shared.excel.SpreadsheetWriter}. */
@org.springframework.modulith.NamedInterface("excel")
package se.kompetensportal.shared.excel;

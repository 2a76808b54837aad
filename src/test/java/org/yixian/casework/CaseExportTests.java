package org.yixian.casework;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.yixian.testing.Api;
import org.yixian.testing.Demo;
import org.yixian.testing.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

@WebTest
class CaseExportTests {

	@LocalServerPort
	int port;

	@Test
	void a_case_list_exports_to_excel_with_a_header_and_the_visible_cases_only() throws Exception {
		Api operator = Api.basic(this.port, "operator", Demo.PASSWORD);
		String number = operator.post("/api/v1/cases", """
				{"kind":"DEMAND","type":"SUGGESTION","channel":"PHONE","title":"导出测试：增设公交站","content":"建议增设公交站",
				 "categoryCode":"0501","areaUnitCode":"XC-XH-02"}""").json().path("number").asString();
		Api browser = Api.browser(this.port);
		browser.formLogin("dispatcher", Demo.PASSWORD);
		byte[] bytes = browser.bytes("/cases/export.xlsx?q=" + java.net.URLEncoder.encode("导出测试", "UTF-8"));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(number);
			assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("待签收");
		}
		Api handler = Api.browser(this.port);
		handler.formLogin("handler", Demo.PASSWORD);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
				handler.bytes("/cases/export.xlsx?q=" + java.net.URLEncoder.encode("导出测试", "UTF-8"))))) {
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isZero();
		}
	}

}

package org.yixian.demo;

import java.util.List;

import org.yixian.organisation.Role;
import org.yixian.organisation.UnitKind;

/**
 * The demo city as data: parents come before their children.
 */
final class DemoData {

	static final List<UnitRow> UNITS = List.of(new UnitRow("SFS", "示范市", UnitKind.CITY, null),
			new UnitRow("SFS-12345", "示范市12345政务服务便民热线中心", UnitKind.HOTLINE, "SFS"),
			new UnitRow("SFS-XFJ", "示范市信访局", UnitKind.PETITION_OFFICE, "SFS"),
			new UnitRow("SFS-ZJJ", "示范市住房和城乡建设局", UnitKind.DEPARTMENT, "SFS"),
			new UnitRow("SFS-CGJ", "示范市城市管理局", UnitKind.DEPARTMENT, "SFS"),
			new UnitRow("SFS-RSJ", "示范市人力资源和社会保障局", UnitKind.DEPARTMENT, "SFS"),
			new UnitRow("SFS-JYJ", "示范市教育局", UnitKind.DEPARTMENT, "SFS"),
			new UnitRow("SFS-WJW", "示范市卫生健康委员会", UnitKind.DEPARTMENT, "SFS"),
			new UnitRow("SFS-JTJ", "示范市交通运输局", UnitKind.DEPARTMENT, "SFS"),
			new UnitRow("SFS-SJJ", "示范市市场监督管理局", UnitKind.DEPARTMENT, "SFS"),
			new UnitRow("SFS-HBJ", "示范市生态环境局", UnitKind.DEPARTMENT, "SFS"),
			new UnitRow("SFS-NYJ", "示范市农业农村局", UnitKind.DEPARTMENT, "SFS"),
			new UnitRow("SFS-GAJ", "示范市公安局", UnitKind.DEPARTMENT, "SFS"),
			new UnitRow("SFS-MZJ", "示范市民政局", UnitKind.DEPARTMENT, "SFS"),
			new UnitRow("SFS-ZRJ", "示范市自然资源和规划局", UnitKind.DEPARTMENT, "SFS"),
			new UnitRow("SFS-SW", "示范市水务集团", UnitKind.UTILITY, "SFS"),
			new UnitRow("SFS-GD", "国网示范供电公司", UnitKind.UTILITY, "SFS"),
			new UnitRow("DC", "东城区", UnitKind.DISTRICT, "SFS"), new UnitRow("DC-HP", "和平街道", UnitKind.STREET, "DC"),
			new UnitRow("DC-HP-01", "和平里社区", UnitKind.COMMUNITY, "DC-HP"),
			new UnitRow("DC-HP-02", "光明社区", UnitKind.COMMUNITY, "DC-HP"),
			new UnitRow("DC-HP-03", "幸福社区", UnitKind.COMMUNITY, "DC-HP"),
			new UnitRow("DC-JS", "建设街道", UnitKind.STREET, "DC"),
			new UnitRow("DC-JS-01", "建设路社区", UnitKind.COMMUNITY, "DC-JS"),
			new UnitRow("DC-JS-02", "红旗社区", UnitKind.COMMUNITY, "DC-JS"),
			new UnitRow("DC-DF", "东风街道", UnitKind.STREET, "DC"),
			new UnitRow("DC-DF-01", "东风社区", UnitKind.COMMUNITY, "DC-DF"),
			new UnitRow("DC-DF-02", "朝阳社区", UnitKind.COMMUNITY, "DC-DF"),
			new UnitRow("DC-DF-03", "向阳社区", UnitKind.COMMUNITY, "DC-DF"),
			new UnitRow("DC-ZJ", "东城区住房和城乡建设局", UnitKind.DEPARTMENT, "DC"),
			new UnitRow("XC", "西城区", UnitKind.DISTRICT, "SFS"), new UnitRow("XC-XG", "西关街道", UnitKind.STREET, "XC"),
			new UnitRow("XC-XG-01", "西关社区", UnitKind.COMMUNITY, "XC-XG"),
			new UnitRow("XC-XG-02", "文昌社区", UnitKind.COMMUNITY, "XC-XG"),
			new UnitRow("XC-XH", "新华街道", UnitKind.STREET, "XC"),
			new UnitRow("XC-XH-01", "新华社区", UnitKind.COMMUNITY, "XC-XH"),
			new UnitRow("XC-XH-02", "育才社区", UnitKind.COMMUNITY, "XC-XH"),
			new UnitRow("XC-XH-03", "团结社区", UnitKind.COMMUNITY, "XC-XH"),
			new UnitRow("XC-WH", "文化街道", UnitKind.STREET, "XC"),
			new UnitRow("XC-WH-01", "文化社区", UnitKind.COMMUNITY, "XC-WH"),
			new UnitRow("XC-WH-02", "书院社区", UnitKind.COMMUNITY, "XC-WH"),
			new UnitRow("XC-ZJ", "西城区住房和城乡建设局", UnitKind.DEPARTMENT, "XC"),
			new UnitRow("NH", "南湖区", UnitKind.DISTRICT, "SFS"), new UnitRow("NH-NHZ", "南湖镇", UnitKind.STREET, "NH"),
			new UnitRow("NH-NHZ-01", "南湖村", UnitKind.COMMUNITY, "NH-NHZ"),
			new UnitRow("NH-NHZ-02", "荷塘村", UnitKind.COMMUNITY, "NH-NHZ"),
			new UnitRow("NH-NHZ-03", "柳岸村", UnitKind.COMMUNITY, "NH-NHZ"),
			new UnitRow("NH-QS", "青山乡", UnitKind.STREET, "NH"),
			new UnitRow("NH-QS-01", "青山村", UnitKind.COMMUNITY, "NH-QS"),
			new UnitRow("NH-QS-02", "石桥村", UnitKind.COMMUNITY, "NH-QS"),
			new UnitRow("NH-ZJ", "南湖区住房和城乡建设局", UnitKind.DEPARTMENT, "NH"));

	static final List<CategoryRow> CATEGORIES = List.of(new CategoryRow("01", "城乡建设", null),
			new CategoryRow("0101", "住房保障", "01"), new CategoryRow("0102", "物业管理", "01"),
			new CategoryRow("0103", "市政设施", "01"), new CategoryRow("0104", "市容环卫", "01"),
			new CategoryRow("0105", "建筑施工", "01"), new CategoryRow("02", "劳动和社会保障", null),
			new CategoryRow("0201", "工资拖欠", "02"), new CategoryRow("0202", "社会保险", "02"),
			new CategoryRow("0203", "就业创业", "02"), new CategoryRow("0204", "劳动关系", "02"),
			new CategoryRow("03", "教育文体", null), new CategoryRow("0301", "学前教育", "03"),
			new CategoryRow("0302", "义务教育", "03"), new CategoryRow("0303", "教育收费", "03"),
			new CategoryRow("0304", "文化体育", "03"), new CategoryRow("04", "卫生计生", null),
			new CategoryRow("0401", "医疗服务", "04"), new CategoryRow("0402", "医保报销", "04"),
			new CategoryRow("0403", "公共卫生", "04"), new CategoryRow("0404", "计划生育", "04"),
			new CategoryRow("05", "交通运输", null), new CategoryRow("0501", "公共交通", "05"),
			new CategoryRow("0502", "道路交通", "05"), new CategoryRow("0503", "出租车与网约车", "05"),
			new CategoryRow("0504", "停车管理", "05"), new CategoryRow("06", "商贸旅游", null),
			new CategoryRow("0601", "消费维权", "06"), new CategoryRow("0602", "市场秩序", "06"),
			new CategoryRow("0603", "旅游服务", "06"), new CategoryRow("07", "环境保护", null),
			new CategoryRow("0701", "噪声污染", "07"), new CategoryRow("0702", "大气污染", "07"),
			new CategoryRow("0703", "水污染", "07"), new CategoryRow("0704", "垃圾分类", "07"),
			new CategoryRow("08", "农村农业", null), new CategoryRow("0801", "土地承包", "08"),
			new CategoryRow("0802", "农业补贴", "08"), new CategoryRow("0803", "农村基础设施", "08"),
			new CategoryRow("09", "政法", null), new CategoryRow("0901", "治安管理", "09"),
			new CategoryRow("0902", "交通违法", "09"), new CategoryRow("0903", "消防安全", "09"),
			new CategoryRow("0904", "户籍管理", "09"), new CategoryRow("10", "民政", null),
			new CategoryRow("1001", "养老服务", "10"), new CategoryRow("1002", "社会救助", "10"),
			new CategoryRow("1003", "婚姻登记", "10"), new CategoryRow("1004", "殡葬管理", "10"),
			new CategoryRow("11", "党务政务", null), new CategoryRow("1101", "政务服务", "11"),
			new CategoryRow("1102", "干部作风", "11"), new CategoryRow("12", "经济管理", null),
			new CategoryRow("1201", "企业服务", "12"), new CategoryRow("1202", "金融诈骗", "12"),
			new CategoryRow("13", "国土资源", null), new CategoryRow("1301", "土地征收", "13"),
			new CategoryRow("1302", "不动产登记", "13"), new CategoryRow("1303", "矿产资源", "13"),
			new CategoryRow("14", "科技与信息产业", null), new CategoryRow("1401", "通信服务", "14"),
			new CategoryRow("1402", "网络信息", "14"), new CategoryRow("15", "纪检监察", null),
			new CategoryRow("1501", "违纪举报", "15"), new CategoryRow("1502", "作风问题", "15"));

	static final List<AccountRow> ACCOUNTS = List.of(new AccountRow("admin", "系统管理员", "SFS", Role.ADMIN),
			new AccountRow("operator", "王小燕", "SFS-12345", Role.OPERATOR),
			new AccountRow("dispatcher", "李明", "SFS-12345", Role.DISPATCHER),
			new AccountRow("handler", "张伟", "DC-HP", Role.HANDLER),
			new AccountRow("handler2", "孙丽", "XC-XG", Role.HANDLER),
			new AccountRow("supervisor", "陈静", "DC", Role.SUPERVISOR),
			new AccountRow("leader", "刘建国", "SFS", Role.LEADER), new AccountRow("analyst", "赵敏", "SFS", Role.ANALYST),
			new AccountRow("petition", "周信平", "SFS-XFJ", Role.DISPATCHER),
			new AccountRow("dchandler", "吴东", "DC", Role.HANDLER),
			new AccountRow("cityhandler", "郑城", "SFS", Role.HANDLER),
			new AccountRow("dcleader", "王东升", "DC", Role.LEADER),
			new AccountRow("hpleader", "马和平", "DC-HP", Role.LEADER));

	/** Categories that go straight to a city department, whatever the street. */
	static final List<String[]> DEPARTMENT_RULES = List.of(new String[] { "02", "SFS-RSJ" },
			new String[] { "03", "SFS-JYJ" }, new String[] { "04", "SFS-WJW" }, new String[] { "05", "SFS-JTJ" },
			new String[] { "06", "SFS-SJJ" }, new String[] { "07", "SFS-HBJ" }, new String[] { "09", "SFS-GAJ" },
			new String[] { "10", "SFS-MZJ" }, new String[] { "13", "SFS-ZRJ" });

	private DemoData() {
	}

	static String unitName(String code) {
		return UNITS.stream().filter((u) -> u.code().equals(code)).map(UnitRow::name).findFirst().orElse(code);
	}

	record UnitRow(String code, String name, UnitKind kind, String parent) {
	}

	record CategoryRow(String code, String name, String parent) {
	}

	record AccountRow(String username, String displayName, String unit, Role role) {
	}

}

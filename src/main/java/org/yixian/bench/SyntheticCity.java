package org.yixian.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Chinese case texts composed from templates and vocabularies, with varied length,
 * places, repeats and spikes, for loading and for intake requests.
 */
final class SyntheticCity {

	static final List<String> STREETS = List.of("DC-HP", "DC-JS", "DC-DF", "XC-XG", "XC-XH", "XC-WH", "NH-NHZ",
			"NH-QS");

	static final List<String> COMMUNITIES = List.of("DC-HP-01", "DC-HP-02", "DC-HP-03", "DC-JS-01", "DC-JS-02",
			"DC-DF-01", "DC-DF-02", "DC-DF-03", "XC-XG-01", "XC-XG-02", "XC-XH-01", "XC-XH-02", "XC-XH-03", "XC-WH-01",
			"XC-WH-02", "NH-NHZ-01", "NH-NHZ-02", "NH-NHZ-03", "NH-QS-01", "NH-QS-02");

	static final List<String> CATEGORIES = List.of("0101", "0102", "0103", "0104", "0105", "0201", "0202", "0301",
			"0302", "0401", "0501", "0504", "0601", "0701", "0702", "0704", "0901", "1001", "1002", "1101");

	private static final String[] PLACES = { "幸福小区", "光明路", "和平里", "建设大道", "东风菜市场", "西关小学", "新华广场", "文化公园", "南湖村",
			"青山村口", "人民医院门口", "地铁二号线站口", "滨江花园", "锦绣家园", "老街十字路口", "工业园区北门" };

	private static final String[] OBJECTS = { "路灯", "井盖", "下水道", "电梯", "垃圾桶", "停车位", "公交站台", "人行道", "供暖管道", "自来水", "物业",
			"装修工地", "烧烤摊", "广场舞音响", "共享单车", "绿化带" };

	private static final String[] PROBLEMS = { "损坏多日无人维修", "噪音扰民到深夜", "堵塞散发异味", "长期占道", "收费不合理", "存在安全隐患", "停运一周",
			"漏水严重", "乱堆乱放", "夜间施工", "拖欠工资三个月", "无人管理" };

	private static final String[] IMPACTS = { "老人出行很不方便", "孩子上学有危险", "影响周边居民休息", "已经有人摔倒受伤", "多次反映没有结果", "雨天积水严重",
			"商户经营受到影响", "给生活带来很大困扰" };

	private static final String[] ASKS = { "尽快派人处理", "相关部门现场核查", "给出明确答复", "依法查处", "协调解决", "加强日常管理" };

	private final SplittableRandom random;

	SyntheticCity(long seed) {
		this.random = new SplittableRandom(seed);
	}

	String pick(String[] values) {
		return values[this.random.nextInt(values.length)];
	}

	<T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	int nextInt(int bound) {
		return this.random.nextInt(bound);
	}

	double nextDouble() {
		return this.random.nextDouble();
	}

	String title() {
		return pick(PLACES) + pick(OBJECTS) + pick(PROBLEMS);
	}

	/**
	 * A message of varied length: one to six sentences.
	 */
	String content(String title) {
		StringBuilder text = new StringBuilder(title).append("，").append(pick(IMPACTS)).append("。");
		int more = this.random.nextInt(6);
		for (int i = 0; i < more; i++) {
			text.append(pick(PLACES))
				.append("附近的")
				.append(pick(OBJECTS))
				.append(pick(PROBLEMS))
				.append("，")
				.append(pick(IMPACTS))
				.append("。");
		}
		return text.append("希望").append(pick(ASKS)).append("。").toString();
	}

	String phone() {
		return "139" + String.format("%08d", this.random.nextInt(100_000_000));
	}

	/**
	 * A demand as the intake API takes it, its title starting with the marker.
	 */
	synchronized String caseJson(String marker) {
		String title = title();
		String content = content(title);
		String area = pick(COMMUNITIES);
		String category = pick(CATEGORIES);
		String phone = phone();
		return "{\"kind\":\"DEMAND\",\"type\":\"COMPLAINT\",\"channel\":\"API\",\"title\":\"" + marker + " " + title
				+ "\",\"content\":\"" + content + "\",\"categoryCode\":\"" + category + "\",\"areaUnitCode\":\"" + area
				+ "\",\"complainant\":{\"name\":\"测试\",\"phone\":\"" + phone + "\"}}";
	}

	/**
	 * So many demands, e.g. for wrk to rotate through ({@code #N#} in the marker becomes
	 * a number unique to each request there).
	 */
	List<String> caseJsons(int count, String marker) {
		List<String> bodies = new java.util.ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			bodies.add(caseJson(marker));
		}
		return bodies;
	}

}

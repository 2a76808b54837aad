package org.yixian.demo;

import java.time.LocalDate;
import java.util.List;

import org.yixian.knowledge.ArticleDraft;
import org.yixian.knowledge.ArticleStatus;
import org.yixian.knowledge.KnowledgeBase;

/**
 * The demo city's knowledge base: a dozen answers to the questions a 12345 hotline hears
 * every day (invented for 示范市; telephone numbers and addresses are not real). Seeded when
 * the knowledge base is empty, also into a city seeded before it existed.
 */
final class DemoKnowledge {

	private static final String P = ArticleStatus.PUBLISHED.name();

	static final List<ArticleDraft> ARTICLES = List.of(article("社会保障卡丢失如何补办", "社保卡 丢了 补办 挂失 补卡 换卡 社会保障卡", """
			社会保障卡遗失后，请先挂失：拨打 12333 或在“示范市人社”APP、银行网点办理临时挂失，防止被冒用。
			补办方式：携带本人有效身份证件到任一社会保障卡服务网点或合作银行网点申请补卡，也可在“示范市人社”APP 线上申请并选择邮寄。
			补卡工本费按规定收取；即时制卡网点当场可取，其他网点一般 10 个工作日内制卡完成，短信通知领取。
			补卡期间医保结算可使用医保电子凭证。""", "0202", "SFS-RSJ", "SFS", null, null, P),
			article("住房公积金提取条件和办理方式", "公积金 提取 取出来 租房提取 购房提取 退休提取 离职", """
					可提取住房公积金的主要情形：购买、建造、翻建、大修自住住房；偿还购房贷款本息；租房自住；离休、退休；与单位终止劳动关系且未再就业满半年；出境定居等。
					租房提取每年可申请一次，额度按本市规定执行；购房提取须在购房合同签订之日起两年内申请。
					办理方式：“示范市公积金”APP、网上服务大厅或各公积金服务网点，需本人身份证、银行卡及相应证明材料。
					具体材料以公积金中心公布的办事指南为准。""", "0101", "SFS-ZJJ", "SFS", null, null, P),
			article("居住证如何办理", "居住证 暂住证 外地人 办证 居住登记 积分入学", """
					在本市居住半年以上，且有合法稳定就业、合法稳定住所或连续就读条件之一的非本市户籍人员，可申领居住证。
					先到居住地派出所或社区警务室办理居住登记，满半年后携带身份证、近期照片、住所证明（租房合同或房产证明）及就业或就读证明申领。
					居住证一般 15 个工作日内制发，每年签注一次。也可通过“示范市公安”微信公众号预约。""", "0904", "SFS-GAJ", "SFS", null, null, P),
			article("不动产登记（房产证）办理", "房产证 不动产证 过户 登记 新房办证 二手房 抵押登记", """
					新建商品房首次登记由开发企业申请，购房人凭购房合同、身份证及完税凭证申请转移登记。
					二手房买卖须买卖双方共同到不动产登记中心或“一窗受理”窗口申请，材料包括身份证件、不动产权证书、买卖合同及完税凭证。
					一般登记 5 个工作日内办结，抵押登记 3 个工作日内办结。可在“示范市不动产登记”网上平台预约和查询进度。""", "1302", "SFS-ZRJ", "SFS", null, null, P),
			article("燃气泄漏和燃气报修电话", "燃气 煤气 漏气 天然气 报修 抢修 没气 燃气灶", """
					闻到燃气味时：立即关闭燃气总阀，打开门窗通风，不要开关电器、不要使用明火和手机，离开现场后在室外拨打燃气公司 24 小时抢修电话或 119。
					示范市燃气集团 24 小时抢修电话：0000-96777（示范号码）。
					燃气表无气、燃气灶不打火等非紧急报修也可拨打上述电话预约上门，维修人员须出示工作证件。""", "0103", "SFS-CGJ", "SFS", null, null, P),
			article("2026—2027 年供暖季供暖时间", "供暖 暖气 供热 什么时候来暖气 暖气不热 采暖期", """
					本市 2026—2027 年供暖季自 2026 年 11 月 15 日起至 2027 年 3 月 15 日止，遇极端天气可提前或延长，以市城管局公告为准。
					居室温度不低于 18℃。暖气不热请先联系所在小区的供热单位报修；供热单位 24 小时内未处理的，可再拨 12345 反映。
					供暖费缴纳和停供申请请咨询所属供热单位。""", "0103", "SFS-CGJ", "SFS", LocalDate.of(2026, 11, 1),
					LocalDate.of(2027, 3, 31), P),
			article("城乡居民医保缴费时间和方式", "医保 缴费 交医保 城乡居民医保 居民医疗保险 参保", """
					城乡居民基本医疗保险按年度缴费，集中缴费期一般为每年 9 月至 12 月，缴费后次年 1 月 1 日起享受待遇。
					可通过“示范市税务”微信公众号、银行 APP、医保经办窗口或社区（村）代收点缴费。
					新生儿、新迁入人员等可在规定时限内随时参保缴费。""", "0402", "SFS-WJW", "SFS", null, null, P),
			article("义务教育阶段入学报名", "入学 报名 上小学 小升初 学区 划片 随迁子女", """
					本市义务教育阶段实行免试就近入学，小学一年级报名一般在每年 5 月，初中入学按片区派位。
					本市户籍儿童凭户口簿和房产证明报名；随迁子女凭居住证、父母就业证明和居住证明报名，由居住地教育行政部门统筹安排。
					具体时间和片区以市、区教育局当年发布的招生工作通知为准。""", "0302", "SFS-JYJ", "SFS", null, null, P),
			article("结婚登记需要的材料", "结婚 领证 结婚登记 婚姻登记 预约", """
					双方须亲自到一方户籍所在地或经常居住地的婚姻登记机关办理。
					所需材料：双方身份证、户口簿（跨省通办可凭居住证），近期两寸合影照片三张。
					可通过“示范市民政”微信公众号预约，节假日部分登记处开放，请以预约页面为准。""", "1003", "SFS-MZJ", "SFS", null, null, P),
			article("计划停水查询和临时停水报修", "停水 没水 自来水 水压低 水管爆裂 供水", """
					计划停水信息提前 24 小时在示范市水务集团网站、微信公众号和小区公告栏发布。
					未接到通知的停水、水管爆裂、水压异常，请拨打水务集团 24 小时服务热线 0000-96116（示范号码）报修。
					小区内二次供水设施问题请先联系物业服务企业。""", "0103", "SFS-SW", "SFS", null, null, P),
			article("东城区老旧小区加装电梯补贴", "加装电梯 电梯补贴 老旧小区 旧楼 东城区", """
					东城区既有多层住宅加装电梯，经业主依法表决同意后，可向所在街道申请。
					区财政按每部电梯给予定额补贴，具体标准和申报材料以东城区住房和城乡建设局当年公布的实施细则为准。
					咨询：所在街道城市管理办公室或东城区住房和城乡建设局。""", "0101", "DC-ZJ", "DC", null, null, P),
			article("2025 年度城乡居民医保集中缴费期（已到期）", "医保 缴费 2025", """
					2025 年度城乡居民医保集中缴费期为 2024 年 9 月 1 日至 2024 年 12 月 31 日。本条已到期，仅供管理员查阅。""", "0402", "SFS-WJW", "SFS",
					LocalDate.of(2024, 9, 1), LocalDate.of(2024, 12, 31), P));

	private DemoKnowledge() {
	}

	static int seed(KnowledgeBase knowledge) {
		if (!knowledge.isEmpty()) {
			return 0;
		}
		ARTICLES.forEach((article) -> knowledge.create(article, null));
		return ARTICLES.size();
	}

	private static ArticleDraft article(String title, String keywords, String answer, String category,
			String responsible, String owner, LocalDate from, LocalDate until, String status) {
		return new ArticleDraft(title, keywords, answer.strip(), category, responsible, owner, from, until,
				ArticleStatus.valueOf(status));
	}

}

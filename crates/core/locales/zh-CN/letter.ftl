# 申诉书（crates/core/src/complaint/letter.rs）。

letter-title = 邮政业用户申诉书（{ $category }）
letter-section = 【{ $heading }】
letter-labelled = { $label }：{ $value }
letter-not-given = （未填写）
letter-to-default = 所在地邮政管理部门（邮政业用户申诉电话 { $phone }，网站 { $website }）

letter-heading-to = 致
letter-heading-complainant = 申诉人
letter-heading-company = 被申诉企业与快件
letter-heading-problem = 申诉事项
letter-heading-facts = 事实与经过
letter-heading-request = 申诉请求
letter-heading-first-contact = 已与企业协商的情况
letter-heading-guidance = 申诉须知
letter-heading-date = 日期
letter-date = 申诉日期：{ $date }
    申诉人（签名）：

letter-station = { $name }（编号 { $id }）
letter-station-address = 站点地址
letter-operator = 运营单位
letter-village = { $name }（{ $code }）
letter-area = 所在地区
letter-area-sep = {""}
letter-when = 发生时间

letter-non-delivery-where = 快件未按运单地址投递，而是被放在：{ $where }，事先未征得本人同意。
letter-non-delivery = 快件未按运单地址投递，事先未征得本人同意。
letter-fee-who = 取件时被收取费用 { $amount } 元（收费方：{ $who }）。
letter-fee = 取件时被收取费用 { $amount } 元。
letter-receipt = 有收据。
letter-no-receipt = 没有收据。
letter-frequency-published = 本村实际每周只有 { $n } 天有快递服务（公布为每周 { $published } 次），未达到每天至少一次的标准。
letter-frequency = 本村实际每周只有 { $n } 天有快递服务，未达到每天至少一次的标准。
letter-station-wrong = 公布的站点信息与实际不符：{ $what }
letter-lost-damaged = 快件丢失、短少或损毁。
letter-delay = 快件延误，未在承诺时限内送达。
letter-service-attitude = 工作人员服务态度恶劣或行为不当。
letter-other = 见事实与经过。

letter-request-non-delivery = 请责成快递企业按运单地址投递，并依法处理未经同意将快件投放到快递柜或快递服务站的行为。
letter-request-illegal-fee = 请责成有关方面退还违规收取的费用 { $amount } 元，并依法查处违规收费行为。
letter-request-frequency-shortfall = 请督促有关企业按公布的标准提供每天至少一次的快递服务。
letter-request-station-not-operating = 请核实该站点的实际情况，并更正公布的信息。
letter-request-lost-damaged = 请责成快递企业依法依约赔偿。
letter-request-delay = 请责成快递企业说明延误原因，并依约赔偿。
letter-request-service-attitude = 请责成快递企业调查处理，改进服务。
letter-request-other = 请依法调查处理。

letter-contacted-on = 已于 { $date } 向快递企业投诉（距今 { $days } 日）。
letter-contacted = 已向快递企业投诉。
letter-answer = 企业答复：{ $answer }
letter-no-answer = 企业未答复。
letter-not-contacted = 尚未向快递企业投诉。
letter-contact-not-stated = 未说明。

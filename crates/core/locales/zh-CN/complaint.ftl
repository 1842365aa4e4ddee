# 投诉的类别与字段（crates/core/src/complaint/mod.rs）。

category-non-delivery = 未按址投递
category-illegal-fee = 违规收费
category-frequency-shortfall = 服务频次不足
category-station-not-operating = 站点未运营或信息有误
category-lost-damaged = 丢失损毁
category-delay = 延误
category-service-attitude = 服务态度
category-other = 其他

field-category = 投诉类别
field-station = 站点
field-village = 村
field-address = 地址
field-date = 发生日期
field-time = 发生时间
field-brand = 快递品牌
field-waybill = 运单号
field-where-left = 快件被放在哪里
field-amount = 收费金额（元）
field-who-charged = 收费方
field-receipt = 是否有收据
field-actual-days-per-week = 实际每周投递天数
field-what-is-wrong = 哪里有误
field-description = 事实与经过
field-company-contacted = 是否已先向快递企业投诉
field-contacted-on = 向企业投诉的日期
field-company-answer = 企业的答复
field-name = 姓名
field-phone = 手机号码
field-email = 电子邮箱
field-consent = 同意发送个人信息
field-attributes = 受理系统的附加问题
field-channel = 提交方式
field-client-request-id = 提交编号

# 受理系统拒收时的说明（State::Rejected；docs/COMPLAINTS.md「Open311」）。
refused-key = 受理系统拒绝了本网站的接入密钥（HTTP { $status }）。这是网站配置的问题，不是您的投诉有误。在修复之前，请改用投诉信提交（已在下方生成）。系统原话：{ $said }
refused-not-found = 受理系统找不到本网站请求的服务类别（HTTP 404）。这是网站配置的问题，不是您的投诉有误。请改用投诉信提交（已在下方生成）。系统原话：{ $said }
refused-invalid = 受理系统未接受这份投诉（HTTP { $status }）：{ $said }。请修改后重新提交，或改用投诉信提交。
refused-other = 受理系统拒收了这份投诉（HTTP { $status }）：{ $said }。可以重新提交，或改用投诉信提交。
refused-nothing-said = 未说明原因

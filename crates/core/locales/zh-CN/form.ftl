# 投诉表单字段的错误（crates/core/src/complaint/validate/errors.rs）。

error-required = 此项必填
error-station-or-village = 请选择站点或村（至少一项）
error-unknown-station = 数据中没有这个站点，请从地图或搜索中选择
error-unknown-village = 数据中没有这个村，请从地图或搜索中选择
error-not-a-village-code = 村级区划代码应为 12 位数字
error-bad-request-id = 提交编号无效（应为 { $min }–{ $max } 位字母、数字、- 或 _），请刷新页面后重试
error-bad-waybill = 运单号应为 { $min }–{ $max } 位字母或数字（可含 -）
error-not-a-number = 请填写数字，如 5 或 2.50
error-not-positive = 金额应大于 0
error-amount-too-large = 金额不能超过 { $max } 元
error-too-many-decimals = 金额最多两位小数（精确到分）
error-not-whole = 请填写整数
error-out-of-range = 应在 { $min } 到 { $max } 之间
error-too-long = 最多 { $max } 个字，现有 { $len } 个
error-bad-phone = 请填写 11 位手机号码，以 13–19 开头（可加 +86）
error-bad-email = 电子邮箱格式不正确，例如 name@example.com
error-bad-date = 日期格式应为 YYYY-MM-DD
error-date-in-future = 日期不能晚于今天
error-date-too-early = 日期不能早于 { $year } 年
error-contacted-before = 向企业投诉的日期不能早于事情发生的日期
error-bad-time = 时间格式应为 HH:MM，如 14:30
error-consent = 发送姓名、电话或电子邮箱前，请勾选同意发送给受理机构，或删除这些信息
error-needed-by-channel = 所选提交方式要求填写此项
error-email-or-phone = 所选提交方式要求填写电子邮箱或手机号码（至少一项）
error-no-authority-email = 当地受理机构没有公布电子邮箱，请选择其他提交方式
error-category-not-accepted = 受理机构的系统不接收这一类投诉，请选择其他提交方式

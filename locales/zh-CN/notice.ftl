# 网点告示（/station/:id/notice）：打印后张贴在网点墙上的 A4/A5 告示。
# 每个键在 en/notice.ftl 中必须有对应项；编译时由 leptos-fluent 检查。

notice-link = 打印站点告示
notice-intro = 打印后张贴在网点内显眼处，方便取件的人查看。
notice-print = 打印
notice-size-label = 纸张大小
notice-back = 返回网点页面
notice-rule-title = 规定
notice-fee-reported = 数据中登记的本站取件收费：每件 { $fee } 元
notice-fee-reported-note = 这是登记的本站做法，不是规定。有人向你收取取件费的，可以投诉（见下方）。
notice-fee-free = 取件不收费
notice-fee-unknown = 取件是否收费：未公布
notice-fee-complain = 如有人向你收取取件费，可以投诉（见下方）。
notice-routes-title = 投诉渠道
notice-appeal-phone = 邮政业用户申诉电话
notice-qr-label = 二维码：{ $url }
notice-qr-caption = 扫码打开本网点页面，可查看营业时间、投诉：
notice-form = 投诉表单：

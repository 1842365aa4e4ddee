# 申诉须知与邮件链接（crates/core/src/complaint/guidance.rs、mailto.rs）。

guidance-company-first = 先向快递企业投诉：拨打快递品牌的客服电话或通过其官方渠道，记下运单号和投诉时间。
guidance-days = 企业应在 { $days } 日内答复。{ $days } 日内未答复或对答复不满意的，可向邮政管理部门申诉：
guidance-call = 拨打邮政业用户申诉电话 { $phone }；
guidance-call-area-code = 拨打邮政业用户申诉电话 { $phone }（用手机拨打时请先加拨当地区号）；
guidance-website = 登录申诉网站 { $website }；
guidance-wechat = 或关注微信公众号 { $wechat }。
guidance-needs = 申诉时请提供：快递企业名称、运单号、申诉内容、申诉请求和事实经过。
guidance-rule-address = 快件应投递到约定的收件地址。未按约定地址投递、违规收费，是邮政管理部门依法查处的违法行为。
guidance-lockers = 自 2024 年 3 月 1 日起施行的《快递市场管理办法》规定：未经收件人同意，不得将快件投放到智能快件箱或快递服务站。
guidance-authority = 本地受理机构：{ $name }
guidance-authority-contacts = 本地受理机构：{ $name }（{ $contacts }）
guidance-contacts-sep = ；
contact-phone = 电话 { $v }
contact-email = 电子邮箱 { $v }
contact-website = 网站 { $v }
contact-address = 地址 { $v }
contact-office-hours = 办公时间 { $v }

mail-subject-waybill = 邮政业用户申诉：{ $category }（运单号 { $waybill }）
mail-subject = 邮政业用户申诉：{ $category }
mail-no-personal-data = （为保护个人信息，姓名和电话不放入邮件链接；如需答复，请在此填写。）
mail-cut = ……（正文过长已截断，请把下载的申诉书作为附件发送。）

# 村递 Cundi — the texts only index.html's first paint uses (zh-CN), filled in by `cundi-data csp`
# (crates/datatool/src/frame.rs) with the plain messages of locales/zh-CN/ that the frame names.
# Kept outside locales/zh-CN/ because the site's code never asks for them. Every id here must be
# in the other language's file too (tests/e2e/translations.spec.mjs).

stalled-title = 本站的程序还没有下载完
stalled-hint = 网络可能较慢。请点“重试”；仍然不行时，请换一个网络再试。
fallback-title = 这个浏览器无法打开本站的地图和表单
fallback-update = 请把微信或浏览器更新到最新版本。在微信里，可以点右上角“···”，选择“在浏览器打开”，用手机自带的浏览器打开本页。
fallback-appeal-title = 投诉和申诉
fallback-appeal = 快递没有送到家、取件被收费等问题，先向快递企业投诉；7 天内没有解决或不满意，可以向邮政管理部门申诉：拨打邮政业用户申诉电话（区号 + 12305），登录 sswz.spb.gov.cn，或关注微信“yz12305”。
fallback-files-title = 数据文件
fallback-files = 本站显示的数据都来自下面这些公开文件（CSV，可以用表格软件打开）：

# 村递 Cundi — 界面文字（简体中文，默认语言）。
# 每个键在 en/main.ftl 中必须有对应项；编译时由 leptos-fluent 检查。

## 页面框架
app-title = 村递
app-title-latin = Cundi
app-tagline = 农村寄递服务网点公开地图
nav-label = 主导航
nav-map = 地图
nav-quality = 数据质量
lang-switch = English
lang-switch-label = 切换为英文界面（Switch to English）
notice-more = 展开
notice-less = 收起
notice-label = 数据说明
notice-got-it = 知道了

## 加载
loading = 正在加载数据…
load-error-title = 数据未能加载
load-error-file = 文件 { $file } 加载失败
load-error-http = 服务器返回 HTTP { $status }
load-error-timeout = { $seconds } 秒内没有收到数据，网络可能较弱
load-error-network = 网络错误：{ $detail }
load-error-parse = 文件内容无效：{ $detail }
load-error-hint = 请检查网络连接后重试。其他文件没有显示，以免呈现不完整的数据。
retry = 重试
page-code-error-title = 此页面未能下载
page-code-error-hint = 地图不受影响。请检查网络后重试；页面打开过一次后，离线也能打开。

## 地图
map-label = 寄递服务网点地图
map-stations-count = 共 { $n } 个网点
map-stations-on-demand = 已打开的县共 { $n } 个网点。{ $pending ->
    [0] 点按地图上的县，或放大到某一地区，即可打开该地区的网点。
   *[other] 正在打开另外 { $pending } 个县…
}
county-error = 有一个县的数据未能加载（{ $file }）：
map-error = 地图无法显示：{ $detail }
layer-frequency = 显示各村投递频次
layer-frequency-hint = 按每周投递次数给各村着色，标准为每日一次

## 层级
tier-county-center = 县级寄递公共配送中心
tier-township-station = 乡镇寄递物流站
tier-village-point = 村级寄递服务点

## 状态
status-operating = 运营中
status-suspended = 暂停服务
status-closed = 已关闭
status-planned = 规划中

## 合作模式
model-direct = 驻村设点
model-post-express = 邮快合作
model-express-pool = 快快合作
model-express-commerce = 快商合作
model-transport-express = 交快合作
model-other = 其他模式

## 服务内容
service-delivery = 投递
service-sending = 寄件
service-pickup-produce = 农产品上行揽收
service-cold-chain = 冷链
service-locker = 智能快件箱
service-ecommerce = 电商服务
service-agency = 代收代缴

## 投递方式
mode-to-door = 送货上门
mode-to-point = 到点自取
mode-locker = 快件箱自取

## 投递频次
freq-daily = 每日投递
freq-below-daily = 低于每日一次
freq-unserved = 无寄递服务
freq-unknown = 频次未公布
freq-daily-desc = 每周 7 次及以上
freq-below-daily-desc = 每周 1–6 次
freq-unserved-desc = 没有网点服务，或每周 0 次
freq-unknown-desc = 有网点服务，但未公布频次

## 网点详情
details-close = 关闭
sheet-handle = 展开或收起面板（也可上下拖动）
field-id = 编号
field-operator = 运营主体
field-brands = 快递品牌
field-model = 合作模式
field-services = 服务内容
column-hours = 营业时间
column-address = 地址
column-phone = 电话
column-filing_no = 末端网点备案
column-standardized = 达到站点建设标准
column-locker = 智能快件箱
field-pickup-fee = 取件收费
column-opened = 启用日期
column-verified = 最近实地核实
field-area = 所在区域
field-coordinates = 坐标（WGS-84）
not-filed = 未备案
pickup-fee-free = 取件免费
pickup-fee-amount = 每件收费 { $fee } 元（公布的政策为免费）
value-yes = 是
value-no = 否
value-unknown = 未公布
served-title = 服务的村（{ $n } 个）
served-none = 没有村登记为由本网点服务。
served-per-week = 每周 { $n } 次
served-unknown = 频次未公布
served-meets = 达到每日投递标准
served-below = 未达到每日投递标准
station-not-found = 数据中没有编号为“{ $id }”的网点。

## 图例
legend-title = 图例
legend-tiers = 层级（圆点越大层级越高）
legend-status = 状态
legend-frequency = 各村投递频次（标准：每日一次）

## 数据质量
quality-title = 数据质量
quality-completeness-title = 信息是否完整
quality-completeness-intro = 数据有效不等于信息够用：没有电话、没有营业时间，或地址只写到县、乡镇（找不到门）的网点，按县统计。点数字可看是哪些网点。统计的是已加载的县。
quality-county = 县（区）
quality-stations = 网点
quality-no-phone = 没有电话
quality-no-hours = 没有营业时间
quality-vague-address = 地址只写到所在地区
quality-more = 另有 { $n } 个，见网点表
quality-problems-title = 数据问题
quality-intro = 发布的数据中发现的问题。标为“错误”的行没有显示在地图上；“警告”的行照常显示。
quality-count = 共 { $n } 个问题：{ $errors } 个错误，{ $warnings } 个警告
quality-empty = 没有发现问题。
quality-unreadable = 数据摘要中列出的构建问题无法读取（{ $detail }），下面只列出加载各县数据时发现的问题。
quality-caption = 问题列表
col-file = 文件
col-line = 行
col-field = 字段
col-value = 取值
col-message = 问题
col-severity = 级别
severity-error = 错误
severity-warning = 警告

## 其他
notice-illustrative = 本站显示的网点位置、营业时间和投递频次为演示用的示意数据。
not-found-title = 找不到这个页面
not-found-link = 返回地图

## 搜索
search-label = 搜索县、乡镇、村或网点
search-placeholder = 搜索村镇、网点或拼音
search-results = 搜索结果
search-none = 没有找到。可以试试名称的一部分，或拼音首字母。
search-starting = 正在加载搜索功能…
search-code-failed = 搜索功能未能加载。请检查网络，然后重新输入。
search-loading = 正在加载拼音搜索…（汉字已可搜索）
search-pinyin-failed = 拼音搜索未能加载（文件 { $file }），目前只能用汉字搜索。
search-count = 找到 { $n } 个结果，用上下方向键选择
kind-province = 省
kind-city = 市
kind-county = 县（区）
kind-township = 乡镇
kind-village = 村
kind-station = 网点
village-kind-village = 村委会
village-kind-community = 居委会（社区）

## 附近的网点
near-me = 附近
near-title = 离你最近的营业网点
near-locating = 正在获取你的位置…
near-denied = 没有获得位置权限。请在上方搜索你所在的村、乡镇或网点。
near-unavailable = 暂时无法确定你的位置。请在上方搜索你所在的村、乡镇或网点。
near-timeout = 定位超时（信号可能较弱）。请在上方搜索你所在的村、乡镇或网点。
near-unsupported = 这个浏览器无法提供位置。请在上方搜索你所在的村、乡镇或网点。
near-outside = 你的位置不在本站数据覆盖的地区内。请在上方搜索你要找的村、乡镇或网点。
near-not-loaded = 你所在地区的数据未能加载。请检查网络后重试。
near-code-failed = “附近网点”功能未能加载。请检查网络后重试。
near-in-village = 你在这个村（距村委会 { $km }）：
near-served-by = 为该村服务的网点：
near-privacy = 你的位置只在这台设备上使用：不会写进链接，不会保存，也不会发送出去。
distance-m = { $m } 米
distance-km = { $km } 公里
distance-from-village = 距村委会 { $km }

## 营业状态
open-not-operating = 目前不营业（{ $status }）
open-unknown = 无法判断现在是否营业
open-always = 营业中（全天）
open-until = 营业中 · { $when } 关门
closed-never = 已停止营业
closed-until = 已打烊 · { $when } 开门
when-tomorrow = 明天 { $time }
when-day = { $day } { $time }
hours-closed = 休息
days-every = 每天
days-range = { $from }至{ $to }
days-none = 无
list-separator = ，
weekday-mo = 周一
weekday-tu = 周二
weekday-we = 周三
weekday-th = 周四
weekday-fr = 周五
weekday-sa = 周六
weekday-su = 周日

## 网点页面
details-page-link = 网点页面：营业状态、导航、投诉
phone-label = 电话：
directions-title = 怎么去
directions-amap = 高德地图
directions-baidu = 百度地图
directions-osm = OpenStreetMap
show-on-map = 在本站地图上查看
station-details-title = 网点信息
complain-title = 投诉
complain-intro = 包裹没有送到、被收取取件费、网点不存在或没有开门，都可以投诉。
complain-village-link = 投诉：包裹没送到村、乱收费、投递次数不够
complain-link = 投诉这个网点
area-path-label = 所在区域

## 村页面
population = 户籍人口 { $n }
township-villages-title = 本镇各村
township-villages-name = 村（社区）与服务网点
township-villages-frequency = 投递情况
serving-none-short = 无服务网点
serving-title = 为本村服务的网点
serving-none = 没有网点登记为本村服务。
serving-missing = 本村登记的服务网点“{ $id }”不在数据中。
service-title = 投递与揽收
field-deliveries = 每周投递
field-pickups = 每周揽收
column-delivery_days = 投递日
field-delivery-mode = 投递方式
column-updated = 更新日期
column-id = 编号
column-tier = 层级
column-name = 名称
column-admin_code = 所在区划代码
column-lon = 经度
column-lat = 纬度
column-operator = 运营主体
column-brands = 快递品牌
column-model = 合作模式
column-services = 服务内容
column-pickup_fee = 取件收费（元）
column-status = 状态
column-code = 区划代码
column-township_code = 所属乡镇代码
column-kind = 类型
column-population = 户籍人口
column-deliveries_per_week = 每周投递次数
column-pickups_per_week = 每周揽收次数
column-delivery_mode = 投递方式
column-served_by = 服务站点编号
std-meets = 达到每日一次
std-below = 少于每日一次
field-code = 区划代码
standard-note = 标准：每日至少投递一次（每周 { $n } 次）。
alternatives-title = 附近的其他营业网点
alternatives-none = 没有其他营业网点的位置可以比较（本村的位置未公布，或附近没有网点）。

## 投诉
complaint-title = 投诉
complaint-about = 投诉对象：
reference-none = （对方未给编号）
nav-complaint = 投诉
pending-label = { $n } 件投诉等待发送
complaint-draft-other = 你有一份未提交的投诉草稿，针对的是另一个网点。
complaint-use-this-station = 改为投诉这个网点
complaint-send-online = 在线提交
complaint-make-email = 生成邮件
complaint-make-letter = 生成申诉书
complaint-draft-saved = 已自动保存在本机，刷新或断网都不会丢失。
complaint-draft-not-saved = 浏览器不允许保存草稿：请不要关闭本页。
complaint-errors-title = 请先改正以下内容
complaint-guidance-title = 投诉前请先看：先找快递企业，7 天内未解决再向邮政管理部门申诉
complaint-you-title = 你的联系方式（可不填）
complaint-you-intro = 填写后，受理部门可以联系你、告诉你处理结果。这些信息只保存在本机，只有在你同意后才会随投诉发出。
field-required = （必填）
hint-station-or-village = 网点和村至少选一个：在下面搜索，或从网点页面进入时已自动填好。都找不到时，请填写地址。
hint-waybill = 面单上的号码，字母和数字；快递品牌可以写在前面，如“中通 7531 2345 6789”。
hint-amount = 单位：元，例如 2 或 1.50。
hint-days = 0 到 7 之间的整数。
hint-description = 只写事实：什么时间、在哪里、发生了什么。最多 4000 字。
hint-phone = 11 位大陆手机号码。
hint-what-is-wrong = 例如：网点不存在、已关门、电话打不通、营业时间不对。
consent-text = 我同意把我的姓名、电话和邮箱随投诉一起发送给受理部门。
complaint-clear-place = 更换
complaint-served-villages = 这个网点服务的村
complaint-find-station = 搜索网点（名称或拼音）
complaint-find-village = 搜索村（名称或拼音）
way-open311 = 在线提交给受理部门（可查受理编号）
way-email = 发电子邮件给{ $to }
way-letter = 生成申诉书：打印、下载，或复制到 12305 网站、微信“yz12305”
sent-title = 投诉已保存
sent-email-title = 邮件已准备好
sent-delivered = 已送达受理部门，受理编号：{ $reference }
sent-sending = 正在发送……
sent-queued = 暂时没有发出去（网络不通或对方出错）。投诉已保存在本机，联网后会自动重发，不会重复提交。
sent-email-ready = 点下面的按钮，用你的邮件程序发送。
sent-open-email = 用邮件程序发送
sent-email-personal = 为保护你的隐私，邮件里没有你的姓名和电话；如需答复，请在邮件里自己补上。
sent-letter = 查看申诉书
complaint-new = 再写一件投诉

## Complaint letter
letter-missing-title = 找不到这份申诉书
letter-missing = 本机没有保存这件投诉。它可能已被删除，或是在另一台设备上写的。
letter-ready = 申诉书已写好
letter-ready-next = 下一步：复制文字粘贴到 12305 申诉网站（sswz.spb.gov.cn）或微信“yz12305”，或打印、下载后交给快递企业或邮政管理部门。
letter-anonymous = 这封申诉书没有署名和联系方式：受理部门无法答复你，也无法向你核实情况。需要答复的，请回到表单填写姓名和电话。
letter-copy = 复制申诉书文字
letter-copied = 已复制。现在可以粘贴到申诉网站的“申诉内容”里。
letter-copy-failed = 这个浏览器不能直接复制。请长按申诉书文字，选择“全选”后复制。
letter-reading = 英文对照（仅供你阅读；寄出的申诉书是中文）
letter-print = 打印
letter-download-txt = 下载文本（.txt）
letter-download-json = 下载数据（.json）
letter-where = 可以把申诉书交给快递企业或邮政管理部门，或把文字复制到 sswz.spb.gov.cn、微信“yz12305”提交。

## My complaints
my-complaints-title = 我的投诉
my-complaints-intro = 这里列出在本机写过的投诉。它们只保存在这台设备的浏览器里。
storage-failed = 浏览器没有保存最近的更改（存储已满或被禁用）。请不要关闭本页。
my-complaints-empty = 本机还没有投诉。
way-open311-short = 在线提交
way-email-short = 电子邮件
way-letter-short = 申诉书
state-delivered = 已送达（{ $time }），受理编号：{ $reference }
state-queued = 等待重发：已尝试 { $attempts } 次（{ $error }），下次约在 { $time }
state-sending = 正在发送
state-handed = 已生成（{ $time }）
record-created = 写于
record-channel = 方式
record-state = 状态
record-retry = 立即重发
record-delete = 删除
record-delete-confirm = 确定删除这件投诉？
cancel = 取消
erase-title = 清除本机数据
erase-intro = 删除本站在这台设备上保存的一切：所有投诉、未提交的草稿和语言设置。已经发出的投诉不受影响。
erase-button = 清除全部数据
erase-confirm = 确定清除？此操作无法撤销。
erase-yes = 清除
erase-done = 已清除。本站在这台设备上不再保存任何内容。

## 找不到
village-not-found = 数据中没有区划代码为“{ $code }”的村。
page-not-found = 这个地址没有对应的页面。
not-found-search = 可以在下面搜索村、乡镇、县或网点的名称（汉字或拼音）：

## Coverage by area
nav-areas = 覆盖
nav-data = 数据
area-not-found = 数据里没有代码为 { $code } 的地区。
areas-title = 各地覆盖情况
areas-intro = 数据中每个省、市、县和乡镇的寄递服务覆盖情况。点地区名称可以逐级查看。
areas-all = 全部地区
figures-title = 覆盖情况
children-title = 下辖{ $level }
count-villages = 行政村
count-township-stations = 乡镇快递服务站（运营中）
count-village-points = 村级寄递物流服务点（运营中）
count-village-points-filed = 其中已备案的村级服务点
count-village-points-standardized = 其中达标的村级服务点
count-county-centers = 县级共配中心（运营中）
count-lockers = 有智能快件箱的网点
by-status = 网点按状态
by-model = 网点按合作模式
share-village-point = 有自己服务点的村
share-served = 有网点服务的村
share-daily = 每天投递的村（每周 ≥7 次）
share-township-station = 有乡镇服务站的乡镇
share-standardized-township-station = 达标的乡镇服务站
share-locker-village = 服务点有快件箱的村
share-large-village-point = 2500 人以上大村有服务点
chart-numbers = 图中数字（表格）
chart-share-label = 图表显示
chart-children-title = 各地区：{ $share }
chart-pct-desc = 横条长度为百分比，满格为 100%；每条后面写明数量和百分比。
chart-count-desc = 横条长度为村的数量；每条后面写明数量和占全部村的百分比。
deliveries-title = 每周投递次数分布
deliveries-intro = 按每个村实际的服务网点计算：服务网点未运营的村算作没有服务。
deliveries-unserved = 没有服务
deliveries-per-week = 每周 { $n } 次
deliveries-unknown = 有服务，次数未公布

## Data and provenance
data-title = 数据来源
data-package-title = 数据包
data-publisher = 发布者
data-version = 版本
data-created = 数据日期
data-licences = 许可
data-crs = 发布者使用的坐标系
crs-wgs84 = WGS-84（GPS）
crs-gcj02 = GCJ-02（高德、腾讯），已转换为 WGS-84
crs-bd09 = BD-09（百度），已转换为 WGS-84
data-sources = 来源
data-files = 文件
data-files-intro = 本站使用的每个文件，原样提供下载；可以用 SHA-256 校验下载的文件是否与发布的一致。
data-file = 文件
data-outlines = 数据包中的 { $n } 个县级行政区边界文件也已发布，路径为 package/boundaries/<县代码>.geojson，其校验值见 SHA256SUMS。
data-checksums = 本站读取的每个文件（包括各县的分块文件）的 SHA-256，格式与 sha256sum -c 校验所用的一致：
data-bytes = 字节
data-rows = 行数
table-stations-title = 网点表
table-villages-title = 村表
summary-unreadable = 数据摘要中的这一部分无法读取（{ $detail }），请告知发布数据的单位；本页其余内容照常显示。
targets-title = 承诺与现实
shade-label = 按比例给各县着色
shade-off = 不着色
shade-none-figure = 无数据

## Targets
targets-intro = 每一项目标都来自政策文件原文。数值按本数据计算，状态以数据日期 { $date } 为准：已达成、尚未达成（未到期限）、逾期未达成、无法用数据衡量（并说明原因）。
targets-progress-title = 各项目标的完成程度
targets-progress-desc = 横条长度为数值占目标的百分比，满格为 100%；期限未到的目标，红线为按发文日期到期限匀速推进时此时应达到的位置（期限过后不再画）。
targets-area = 地区
targets-indicator = 指标
targets-value = 数据中的数值
targets-target = 目标
targets-deadline = 期限
targets-status = 状态
targets-document = 文件
targets-expected = 按匀速推进此时应达 { $n }
targets-met-as-of = 截至 { $date } 已达成
targets-met-late = 期限是 { $deadline }；数据只说明到数据日期已达成，不能说明是否按期达成
targets-bar-goal = 目标 { $target }，期限 { $deadline }
targets-read-text = 读原文（标出引文）
document-show-quote = 在原文中标出
document-quote = 所引原文：
document-not-verbatim = 这句引文在原文中没有一字不差地找到：已标出找到的部分，其余是概括。
document-download = 下载原文（.txt）
document-targets = 引用本文件的目标
document-text = 原文
document-text-note = 文本照发布的文件提取，保留原来的换行。标出的是目标所引用的句子。
ind-village-point-coverage-pct = 建有村级寄递物流服务点的行政村比例
ind-large-village-point-coverage-pct = 2500 人以上大村建有服务点的比例
ind-daily-service-pct = 每天投递的行政村比例
ind-township-station-coverage-pct = 建有乡镇快递服务站的乡镇比例
ind-township-station-count = 乡镇快递服务站数量
ind-standardized-township-stations = 达标乡镇快递服务站数量
ind-standardized-township-stations-pct = 乡镇快递服务站达标比例
ind-village-point-count = 村级寄递物流服务点数量
ind-standardized-village-points = 达标村级服务点数量
ind-filed-village-points = 已备案村级服务点数量
ind-locker-village-pct = 服务点有智能快件箱的行政村比例
ind-county-center-built = 县级寄递公共配送中心
ind-demo-county-count = 示范县数量
ind-demo-project-count = 示范项目数量
ind-demo-township-center-count = 示范乡镇中心数量
ind-demo-village-station-count = 示范村级站点数量
complaint-stats-title = 投诉统计
complaint-stats-intro = 发布者公布的投诉数字，共 { $n } 件。某月没有数据表示未公布，不等于没有投诉。
complaint-stats-by-category = 按投诉类别
complaint-stats-by-month = 按月份
complaint-stats-month = 月份
complaint-stats-received = 受理
complaint-stats-resolved = 办结率

## Tables
table-any = 全部
table-tier = 层级
table-status = 状态
table-model = 合作模式
table-filed = 已备案
table-text = 搜索（名称、编号、地址、运营单位）
table-area = 地区
table-below-daily = 只看未达到每天投递的
table-page-size = 每页行数
table-status-line = 共 { $total } 行，第 { $page } / { $pages } 页，本页 { $shown } 行
table-download-csv = 下载全部 { $n } 行（CSV）
table-download-json = 下载全部 { $n } 行（JSON）
table-download-geojson = 下载全部 { $n } 行（GeoJSON，可用于 QGIS、uMap 等地图软件）
table-pages = 翻页
table-prev = 上一页
table-next = 下一页

## Changes
changes-title = 版本变化
changes-none = 发布者没有随本版数据提供与上一版的比较。
changes-download = 下载变化清单（changes.json）
changes-stations = 网点
changes-villages = 村
changes-added = 新增 { $n } 个
changes-removed = 删除 { $n } 个
changes-changed = 修改 { $n } 个
changes-more = 另有 { $n } 个未列出，见 changes.json。

# Shown with no network (the service worker serves what it kept).
offline-notice = 没有网络：显示的是本机上次保存的数据（版本 { $version }）。投诉会先保存在本机，联网后再发送。

# The map as a list (the stations in the map's view).
list-toggle = 列表
list-heading = 地图中的网点
list-count = 共 { $n } 个，离地图中心近的在前。
list-count-cut = 共 { $n } 个，列出离地图中心最近的 { $shown } 个；放大地图可列出其余的。
list-empty = 地图的这一部分没有网点。缩小地图，或在上方搜索地名。
list-close = 关闭列表
list-table = 全部网点的表格（可筛选、下载）

# 受理系统的附加问题，以及它后来的答复（docs/COMPLAINTS.md「Open311」）。
hint-address = 只有在列表里找不到网点或村、或需要说明具体位置时填写：像写快递地址那样写。
questions-title = 受理系统还需要了解
questions-intro = 以下问题来自接收投诉的部门。
questions-choose = 请选择…
questions-failed = 没能加载受理系统的附加问题。仍可提交：如有缺漏，受理部门会再询问。
way-not-taken = 受理系统不在线接收「{ $category }」类投诉：请通过电子邮件或投诉信提交。
remote-title = 受理部门的答复
remote-open = 处理中
remote-closed = 已办结
remote-new = 新
remote-agency = 承办单位：{ $agency }
remote-updated = 更新于 { $time }
remote-waiting = 已收到；受理部门尚未给出受理编号。
service-notice = 受理部门告知：{ $notice }
data-geojson = 各县网点的 GeoJSON 文件（WGS-84，含全部字段；可用于 QGIS、uMap 等地图软件）
data-geojson-count = { $n } 个网点
embed-open-site = 村递 Cundi：在新窗口打开完整地图

## 品牌与服务（哪里能取我的快递）
want-brand-label = 快递品牌
want-brand-any = 全部品牌
want-service-label = 服务
want-service-any = 全部服务
map-stations-want = { $total } 个网点中有 { $n } 个办理{ $what }
near-title-want = 附近办理{ $what }的营业网点
near-none-wanted = { $km }以内没有办理{ $what }的网点。各品牌的包裹都经县级寄递物流中心分拣，可以到那里取寄或询问：
centre-unlisted = 数据中县级中心未列出{ $what }，前往前请先打电话确认。
serving-not-wanted = 数据中这个服务网点未列出{ $what }。
alternatives-title-want = 附近办理{ $what }的营业网点
want-figures = 以下数字只计办理{ $what }的网点：其他网点视同没有，服务本村的网点不办理的，本村也不算已覆盖。
want-figures-unloaded = 按{ $what }统计要读取本地区每个县的网点数据。请打开下面的某个县查看；以下仍是全部网点的数字。
map-options = 图层与筛选
layer-frequency-short = 投递频次
share-link = 分享这个页面
share-link-copied = 链接已复制，可以粘贴到微信群里。
share-link-failed = 无法复制。请复制浏览器地址栏里的链接。

## Data dictionary (pages/dictionary.rs): about-<file>-<column>
about-stations-id = 每个网点唯一、各版本不变的编号。
about-stations-tier = 三级网络中的层级：县级中心、乡镇站、村级点。
about-stations-name = 网点名称。
about-stations-admin_code = 网点所在的区划：村级点为村代码，乡镇站为乡镇代码，县级中心为县代码。
about-stations-lon = 经度，按数据包声明的坐标系（下载中为 WGS-84）。
about-stations-lat = 纬度，同上。
about-stations-address = 地址。
about-stations-phone = 公开电话。
about-stations-operator = 运营网点的企业或单位。
about-stations-brands = 办理的快递品牌，以“;”分隔。
about-stations-model = 合作模式（见下方代码表）。
about-stations-services = 提供的服务，以“;”分隔（见下方代码表）。
about-stations-hours = 营业时间，OpenStreetMap opening_hours 写法。
about-stations-filing_no = 快递末端网点备案号；空白即未备案。
about-stations-standardized = 是否达到省定站点建设标准（true 是，false 否）。
about-stations-locker = 是否有智能快件箱（true / false）。
about-stations-pickup_fee = 向收件人收取的取件费（元/件）；政策规定不得收取，应为 0。
about-stations-status = 是否营业（见下方代码表）。
about-stations-opened = 启用日期。
about-stations-verified = 最近一次实地核实的日期。
about-villages-code = 12 位统计用区划代码。
about-villages-name = 村（居）委会的正式名称。
about-villages-township_code = 所属乡镇的 9 位代码。
about-villages-kind = 村委会或居委会（见下方代码表）。
about-villages-population = 户籍人口。
about-villages-lon = 村委会所在地经度。
about-villages-lat = 村委会所在地纬度。
about-villages-served_by = 为该村服务的网点编号；空白即无人服务。
about-villages-deliveries_per_week = 每周投递次数，0–21；标准为至少 7 次（每天一次）。
about-villages-delivery_days = 投递日，opening_hours 写法，如 Mo,We,Fr。
about-villages-pickups_per_week = 每周揽收（寄出的包裹、农产品）次数。
about-villages-delivery_mode = 包裹怎样到村民手中（见下方代码表）。
about-villages-updated = 最近更新日期。
dictionary-title = 数据字典
dictionary-intro = 网点表和村表每一列的含义，以及代码列的每个代码。下载的文件保留原始代码；表格页面显示为文字。
dictionary-column = 列名
dictionary-word = 页面上显示为
dictionary-type = 类型
dictionary-meaning = 含义
dictionary-required = 必填
dictionary-extra = 数据包中本表之外的其他列照原样显示，其含义见 datapackage.json。
dictionary-link = 每一列的含义（数据字典）

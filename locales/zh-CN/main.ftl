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

## 加载
loading = 正在加载数据…
load-error-title = 数据未能加载
load-error-file = 文件 { $file } 加载失败
load-error-http = 服务器返回 HTTP { $status }
load-error-network = 网络错误：{ $detail }
load-error-parse = 文件内容无效：{ $detail }
load-error-hint = 请检查网络连接后重试。其他文件没有显示，以免呈现不完整的数据。
retry = 重试

## 地图
map-label = 寄递服务网点地图
map-stations-count = 共 { $n } 个网点
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
field-id = 编号
field-operator = 运营主体
field-brands = 快递品牌
field-model = 合作模式
field-services = 服务内容
field-hours = 营业时间
field-address = 地址
field-phone = 电话
field-filing = 末端网点备案
field-standardized = 达到站点建设标准
field-locker = 智能快件箱
field-pickup-fee = 取件收费
field-opened = 启用日期
field-verified = 最近实地核实
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
quality-intro = 发布的数据中发现的问题。标为“错误”的行没有显示在地图上；“警告”的行照常显示。
quality-count = 共 { $n } 个问题：{ $errors } 个错误，{ $warnings } 个警告
quality-empty = 没有发现问题。
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

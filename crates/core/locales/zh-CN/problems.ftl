# 数据包中发现的问题（crates/core/src/problem.rs）。

problem-at-line = {" "}第 { $line } 行
problem-field = ，字段 { $field }
problem-sep = ：
list-sep = 、
list-last-sep = 或

problem-missing-file = 无法读取文件：{ $reason }
problem-bad-descriptor = datapackage.json 无效：{ $reason }
problem-missing-column = 表头缺少这一必填列
problem-broken-quoting = 引号不配对：带引号的字段没有闭合，这一行无法读取
problem-field-count = 这一行有 { $found } 个字段，表头有 { $expected } 个
problem-required = 必填字段为空
problem-bad-code = “{ $v }”不是有效的区划代码：应为 { $expected } 位数字
problem-missing-parent = “{ $v }”的上级区划 { $parent } 不在数据包中
problem-unknown-division = “{ $v }”不是数据包中的区划（divisions.csv）
problem-code-mismatch = “{ $v }”应以 { $prefix } 开头
problem-not-a-number = “{ $v }”不是数字
problem-out-of-range = { $v } 超出允许范围 { $min }–{ $max }
problem-bad-date = “{ $v }”不是日期（应为 YYYY-MM-DD）
problem-bad-month = “{ $v }”不是月份（应为 YYYY-MM）
problem-unknown-value = “{ $v }”不是允许的取值：{ $allowed }
problem-not-a-boolean = “{ $v }”不是“是/否”（true/false）
problem-outside-china = { $v } 位于中国境外
problem-far-outside-county = { $v } 位于所属县域之外 { $km } 公里
problem-duplicate = “{ $v }”重复出现；首次出现在第 { $line } 行
problem-unknown-station = stations.csv 中没有编号为“{ $id }”的站点
problem-tier-level = “{ $v }”与站点层级不符：应为 { $digits } 位区划代码
problem-crs-converted = 坐标系为 { $crs }：已将 { $rows } 行的坐标转换为 WGS-84
problem-not-text-unstated = 既不是 UTF-8 也不是 GB18030（GBK）文本：请用 --encoding 说明编码
problem-not-utf8 = 不是有效的 UTF-8 文本（若为 GBK 或 GB18030，请用 --encoding gbk 或 gb18030 说明）
problem-not-text = 不是有效的 { $encoding } 文本

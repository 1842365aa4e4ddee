# 目标与数据对照（crates/core/src/targets.rs）。

target-met = 已达成
target-on-track = 尚未达成，未到期限
target-missed = 逾期未达成
target-not-measurable = 无法用数据衡量

unmeasurable-indicator = 该指标由主管部门认定，站点数据中无从体现
unmeasurable-jurisdiction = 数据不含该地区
unmeasurable-partial = 数据只含该地区的部分县
unmeasurable-nothing = 没有可计算的对象
unmeasurable-partial-sentence = { $n ->
    [0] 数据不含该地区的任何县，无法代表全域
   *[other] 数据只含该地区的 { $n } 个县，不能代表全域
}
unmeasurable-nothing-sentence = 该地区没有可计算比例的对象（如没有行政村）

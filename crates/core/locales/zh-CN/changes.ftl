# 两个版本之间的变化（crates/core/src/diff.rs）。

changes-counts = 新增 { $added }，删除 { $removed }，变更 { $changed }
changes-empty-value = （空）
changes-field = { $field }：{ $old }→{ $new }
changes-old = 旧版：{ $version }{ $created }
changes-new = 新版：{ $version }{ $created }
changes-version = 版本 { $v }
changes-version-unknown = 未注明版本
changes-created = ，创建于 { $date }
changes-sep = ：
changes-join = ；
changes-stations = 站点
changes-villages = 村
changes-none = 站点和村均无变化。
changes-by-county = 按县：
changes-county = { $name }（{ $code }）
changes-place = （{ $place }）
changes-added = 新增的{ $which }：
changes-removed = 删除的{ $which }：
changes-changed = 变更的{ $which }：

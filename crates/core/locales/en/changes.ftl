# What changed between two versions (crates/core/src/diff.rs).

changes-counts = { $added } added, { $removed } removed, { $changed } changed
changes-empty-value = (empty)
changes-field = { $field }: { $old } → { $new }
changes-old = Old: { $version }{ $created }
changes-new = New: { $version }{ $created }
changes-version = version { $v }
changes-version-unknown = version not stated
changes-created = , created { $date }
changes-sep = {": "}
changes-join = {"; "}
changes-stations = Stations
changes-villages = Villages
changes-none = No station or village changed.
changes-by-county = By county:
changes-county = { $name } ({ $code })
changes-place = {" "}({ $place })
changes-added = { $which } added:
changes-removed = { $which } removed:
changes-changed = { $which } changed:

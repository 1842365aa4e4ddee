# Problems found in a data package (crates/core/src/problem.rs).

problem-at-line = {" "}line { $line }
problem-field = , field { $field }
problem-sep = {": "}
list-sep = {", "}
list-last-sep = {" or "}

problem-missing-file = the file cannot be read: { $reason }
problem-bad-descriptor = datapackage.json is not valid: { $reason }
problem-missing-column = this required column is missing from the header
problem-broken-quoting = broken quoting: a quoted field is not closed, so the row cannot be read
problem-field-count = the row has { $found } fields but the header has { $expected }
problem-required = this field is required but empty
problem-bad-code = “{ $v }” is not a division code: expected { $expected } digits
problem-missing-parent = “{ $v }” belongs to division { $parent }, which is not in the package
problem-unknown-division = “{ $v }” is not a division in the package (divisions.csv)
problem-code-mismatch = “{ $v }” should begin with { $prefix }
problem-not-a-number = “{ $v }” is not a number
problem-out-of-range = { $v } is outside the allowed range { $min }–{ $max }
problem-bad-date = “{ $v }” is not a date (YYYY-MM-DD)
problem-bad-month = “{ $v }” is not a month (YYYY-MM)
problem-unknown-value = “{ $v }” is not one of: { $allowed }
problem-not-a-boolean = “{ $v }” is not true or false
problem-outside-china = { $v } lies outside China
problem-far-outside-county = { $v } lies { $km } km outside its county
problem-duplicate = “{ $v }” appears twice; first on line { $line }
problem-unknown-station = no station with id “{ $id }” is in stations.csv
problem-tier-level = “{ $v }” does not fit the station's tier: expected a { $digits }-digit code
problem-crs-converted = coordinates are in { $crs }: those of { $rows } rows were converted to WGS-84
problem-not-text-unstated = neither UTF-8 nor GB18030 (GBK) text: state the encoding with --encoding
problem-not-utf8 = not valid UTF-8 text (if it is GBK or GB18030, say so with --encoding gbk or gb18030)
problem-not-text = not valid { $encoding } text

//! Checks across files: parents of codes, `served_by` references, coordinates against the county.

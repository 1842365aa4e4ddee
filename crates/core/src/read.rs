//! Reading a data package into a `Dataset`: raw CSV rows become validated domain values; every
//! problem comes back with file, line and field, and every valid row is kept.

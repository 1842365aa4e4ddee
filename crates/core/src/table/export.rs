//! The downloads of a table: the rows a view keeps, in the package's own CSV (with a BOM for
//! Excel), as JSON typed by the schema, or as GeoJSON points, each with every column.

use crate::dataset::Dataset;
use crate::package::FieldType;
use crate::read::parse_bool;
use crate::write::{self, ToRow};

/// Put before a CSV download so Excel reads it as UTF-8 (without it, Chinese is garbled).
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The stations at `indices` as CSV: the package's own header and row format (the writer that
/// writes `stations.csv`), UTF-8 with a BOM so Excel reads the Chinese correctly. `cundi-core`'s
/// reader skips the BOM, so the file reads back to the same rows.
pub fn stations_csv(ds: &Dataset, indices: &[usize]) -> Vec<u8> {
    write::write_selected(&ds.stations, indices, UTF8_BOM)
}

/// The villages at `indices` as CSV, like [`stations_csv`].
pub fn villages_csv(ds: &Dataset, indices: &[usize]) -> Vec<u8> {
    write::write_selected(&ds.villages, indices, UTF8_BOM)
}

/// The stations at `indices` as a JSON array of objects keyed by the CSV header, in header
/// order. Values are typed by the schema: numbers and integers as numbers, booleans as booleans,
/// lists as arrays of strings, an empty cell as `null`, everything else (codes too) as strings.
pub fn stations_json(ds: &Dataset, indices: &[usize]) -> Vec<u8> {
    to_json(&ds.stations, indices)
}

/// The villages at `indices` as JSON, like [`stations_json`].
pub fn villages_json(ds: &Dataset, indices: &[usize]) -> Vec<u8> {
    to_json(&ds.villages, indices)
}

/// The stations at `indices` as GeoJSON (RFC 7946): a FeatureCollection of points in WGS-84
/// (the data's coordinates once read), each with every column as its properties, typed as in
/// [`stations_json`] — for QGIS, uMap and the like.
pub fn stations_geojson(ds: &Dataset, indices: &[usize]) -> Vec<u8> {
    to_geojson(&ds.stations, indices)
}

/// The villages at `indices` as GeoJSON, like [`stations_geojson`]; a village without a
/// published position is a feature with a `null` geometry, as the standard allows.
pub fn villages_geojson(ds: &Dataset, indices: &[usize]) -> Vec<u8> {
    to_geojson(&ds.villages, indices)
}

/// Rows as GeoJSON, like [`stations_geojson`]: the CLI writes each county's stations so.
pub fn to_geojson<T: ToRow>(all: &[T], indices: &[usize]) -> Vec<u8> {
    use serde_json::Value;
    let header = write::header(all);
    let mut out = br#"{"type":"FeatureCollection","features":["#.to_vec();
    for (n, row) in indices.iter().filter_map(|&i| all.get(i)).enumerate() {
        out.extend_from_slice(if n == 0 { b"\n" } else { b",\n" });
        let values = typed_values::<T>(row, &header);
        let number = |name: &str| {
            values
                .iter()
                .find(|(k, _)| *k == name)
                .and_then(|(_, v)| v.as_f64())
        };
        let geometry = match (number("lon"), number("lat")) {
            (Some(lon), Some(lat)) => {
                serde_json::json!({"type": "Point", "coordinates": [lon, lat]})
            }
            _ => Value::Null,
        };
        out.extend_from_slice(br#"{"type":"Feature","geometry":"#);
        serde_json::to_writer(&mut out, &geometry).expect("writing to memory cannot fail");
        out.extend_from_slice(br#","properties":"#);
        write_object(&mut out, &values);
        out.push(b'}');
    }
    out.extend_from_slice(b"\n]}\n");
    out
}

fn to_json<T: ToRow>(all: &[T], indices: &[usize]) -> Vec<u8> {
    let header = write::header(all);
    let mut out = b"[".to_vec();
    for (n, row) in indices.iter().filter_map(|&i| all.get(i)).enumerate() {
        out.extend_from_slice(if n == 0 { b"\n" } else { b",\n" });
        write_object(&mut out, &typed_values::<T>(row, &header));
    }
    out.extend_from_slice(if indices.is_empty() { b"]\n" } else { b"\n]\n" });
    out
}

/// `{"name": value, …}` in the order given.
fn write_object(out: &mut Vec<u8>, values: &[(&str, serde_json::Value)]) {
    out.push(b'{');
    for (k, (name, value)) in values.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        serde_json::to_writer(&mut *out, name).expect("writing to memory cannot fail");
        out.push(b':');
        serde_json::to_writer(&mut *out, value).expect("writing to memory cannot fail");
    }
    out.push(b'}');
}

/// A row's cells by the header's names, typed by the schema: numbers and integers as numbers,
/// booleans as booleans, lists as arrays of strings, an empty cell as `null`, everything else
/// (codes too) as strings.
fn typed_values<'h, T: ToRow>(row: &T, header: &[&'h str]) -> Vec<(&'h str, serde_json::Value)> {
    use serde_json::Value;
    let known = T::SPEC.fields.len();
    let cells = write::row_cells(row, &header[known..]);
    header
        .iter()
        .zip(cells)
        .enumerate()
        .map(|(k, (name, cell))| {
            let ty = T::SPEC.fields.get(k).map_or(FieldType::String, |f| f.ty);
            let value = if cell.is_empty() {
                Value::Null
            } else {
                match ty {
                    FieldType::Integer => cell
                        .parse::<i64>()
                        .map_or_else(|_| Value::String(cell.clone()), Value::from),
                    FieldType::Number => cell
                        .parse::<f64>()
                        .ok()
                        .and_then(serde_json::Number::from_f64)
                        .map_or_else(|| Value::String(cell.clone()), Value::Number),
                    FieldType::Boolean => {
                        parse_bool(&cell).map_or_else(|| Value::String(cell.clone()), Value::Bool)
                    }
                    FieldType::List => Value::Array(
                        cell.split(';')
                            .map(|item| Value::String(item.to_string()))
                            .collect(),
                    ),
                    FieldType::String
                    | FieldType::Date
                    | FieldType::YearMonth
                    | FieldType::Code => Value::String(cell),
                }
            };
            (*name, value)
        })
        .collect()
}

# What cundi-data says to a publisher (crates/datatool/src/).

note = note: { $note }
note-sheet = { $file }: read from { $name }, sheet { $sheet } (a problem's line is the sheet's row)
note-encoding = { $file }: read as { $encoding }

line-error = error: { $message }
line-warning = warning: { $message }
line-warning-in = warning: { $dir }: { $message }
rows-left-out = warning: { $dir }: rows with errors are left out of the comparison, so they show as removed or added

summary-absent = { $file }: absent
summary-unread = { $file }: not read (the error above)
summary-rows = { $file }: { $read } { $read ->
    [one] row
   *[other] rows
} read, { $kept } valid, { $left } left out for errors
summary-outlines = boundaries: { $n } county { $n ->
    [one] outline
   *[other] outlines
}
summary-total = { $dir }: { $errors } { $errors ->
    [one] error
   *[other] errors
}, { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}

convert-wrote = cundi-data: wrote { $out }: { $divisions } divisions, { $stations } stations, { $villages } villages (WGS-84, UTF-8); { $errors } errors (rows left out), { $warnings } warnings

build-has-errors = cundi-data: { $dir } has errors; no bundle written (--allow-errors writes one anyway)
build-built = cundi-data: built { $out } from { $dir }: { $counties } { $counties ->
    [one] county
   *[other] counties
}, { $stations } { $stations ->
    [one] station
   *[other] stations
}, { $villages } { $villages ->
    [one] village
   *[other] villages
}, { $files } { $files ->
    [one] package file
   *[other] package files
}; { $errors } { $errors ->
    [one] error
   *[other] errors
}, { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}
build-changes = cundi-data: changes.json since { $old }: stations { $stations }; villages { $villages }

error-io = { $path }: { $cause }
io-not-found = not found
io-permission-denied = permission denied
io-already-exists = already exists
io-not-a-directory = not a directory
io-is-a-directory = a directory, not a file
io-storage-full = the disk is full
io-other = cannot be read or written
error-csv = { $path }: { $cause }
error-not-a-package = { $path }: not a directory (a data package is a folder with datapackage.json and CSV files)
error-cannot-compare = { $dir }: { $problem }; cannot compare a version without it
error-output-not-directory = { $path }: exists and is not a directory
error-output-not-bundle = { $path }: exists and does not hold a bundle (summary.json is missing); a build replaces the whole directory, so choose an empty or new one
error-output-nameless = { $path }: not a directory name

# Targets against the data (crates/core/src/targets.rs).

target-met = Met
target-on-track = Not met yet, deadline ahead
target-missed = Missed: deadline passed
target-not-measurable = Not measurable from the data

unmeasurable-indicator = Designated by the authorities; not visible in the station data
unmeasurable-jurisdiction = The data does not cover this area
unmeasurable-partial = The data holds only some of this area's counties
unmeasurable-nothing = Nothing to measure
unmeasurable-partial-sentence = { $n ->
    [0] The data holds none of this area's counties
    [one] The data holds only 1 of this area's counties, not the whole area
   *[other] The data holds only { $n } of this area's counties, not the whole area
}
unmeasurable-nothing-sentence = The area has nothing to take a share of (no villages, say)

# 村递 Cundi — interface text (English).
# Every key here must exist in zh-CN/main.ftl too; leptos-fluent checks both at compile time.

## Page frame
app-title = 村递
app-title-latin = Cundi
app-tagline = The public map of rural parcel service points
nav-label = Main navigation
nav-map = Map
nav-quality = Data quality
lang-switch = 中文
lang-switch-label = Switch to Chinese (切换为中文界面)
notice-more = More
notice-less = Less
notice-label = About this data

## Loading
loading = Loading the data…
load-error-title = The data could not be loaded
load-error-file = Could not load { $file }
load-error-http = the server answered HTTP { $status }
load-error-network = network error: { $detail }
load-error-parse = the file is not valid: { $detail }
load-error-hint = Check your connection and try again. Nothing else is shown, so that incomplete data is never mistaken for the whole.
retry = Retry

## Map
map-label = Map of parcel service points
map-stations-count = { $n ->
    [one] { $n } service point
   *[other] { $n } service points
}
map-error = The map cannot be shown: { $detail }
layer-frequency = Show how often villages are served
layer-frequency-hint = Villages coloured by deliveries a week; the standard is once a day

## Tiers
tier-county-center = County distribution centre
tier-township-station = Township station
tier-village-point = Village service point

## Statuses
status-operating = Operating
status-suspended = Suspended
status-closed = Closed
status-planned = Planned

## Cooperation models
model-direct = Own village point
model-post-express = Post and express cooperation
model-express-pool = Express companies pooled
model-express-commerce = Express and retail cooperation
model-transport-express = Transport and express cooperation
model-other = Other model

## Services
service-delivery = Delivery
service-sending = Sending
service-pickup-produce = Farm produce pickup
service-cold-chain = Cold chain
service-locker = Parcel locker
service-ecommerce = E-commerce services
service-agency = Bill payment agency

## Delivery modes
mode-to-door = To the door
mode-to-point = Collected at the point
mode-locker = Collected from a locker

## Delivery frequency
freq-daily = Served daily
freq-below-daily = Served less than daily
freq-unserved = Not served
freq-unknown = Frequency not published
freq-daily-desc = 7 or more deliveries a week
freq-below-daily-desc = 1 to 6 deliveries a week
freq-unserved-desc = no service point, or 0 deliveries a week
freq-unknown-desc = served, but the frequency is not published

## Station details
details-close = Close
field-id = ID
field-operator = Operator
field-brands = Express brands
field-model = Cooperation model
field-services = Services
field-hours = Opening hours
field-address = Address
field-phone = Phone
field-filing = End-outlet filing (备案)
field-standardized = Meets the station standard
field-locker = Smart parcel locker
field-pickup-fee = Fee to collect a parcel
field-opened = Opened
field-verified = Last checked on site
field-area = Administrative area
field-coordinates = Coordinates (WGS-84)
not-filed = Not filed
pickup-fee-free = Collecting a parcel is free
pickup-fee-amount = { $fee } yuan a parcel (the published policy is free)
value-yes = Yes
value-no = No
value-unknown = Not published
served-title = Villages served ({ $n })
served-none = No village is recorded as served by this point.
served-per-week = { $n } a week
served-unknown = frequency not published
served-meets = meets the daily standard
served-below = below the daily standard
station-not-found = No service point with ID “{ $id }” is in the data.

## Legend
legend-title = Legend
legend-tiers = Tier (larger circle, higher tier)
legend-status = Status
legend-frequency = Village delivery frequency (standard: once a day)

## Data quality
quality-title = Data quality
quality-intro = Problems found in the published data. Rows with an error are left off the map; rows with a warning are shown.
quality-count = Problems: { $n } · errors: { $errors } · warnings: { $warnings }
quality-empty = No problems found.
quality-caption = Problems
col-file = File
col-line = Line
col-field = Field
col-value = Value
col-message = Problem
col-severity = Severity
severity-error = Error
severity-warning = Warning

## Other
notice-illustrative = The locations, hours and frequencies shown here are illustrative demonstration data.
not-found-title = This page does not exist
not-found-link = Back to the map

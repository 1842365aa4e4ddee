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
notice-got-it = Got it

## Loading
loading = Loading the data…
load-error-title = The data could not be loaded
load-error-file = Could not load { $file }
load-error-http = the server answered HTTP { $status }
load-error-timeout = nothing arrived within { $seconds } seconds; the connection may be weak
load-error-network = network error: { $detail }
load-error-parse = the file is not valid: { $detail }
load-error-hint = Check your connection and try again. Nothing else is shown, so that incomplete data is never mistaken for the whole.
retry = Retry
page-code-error-title = This page could not be downloaded
page-code-error-hint = The map works without it. Check your connection and try again; once a page has opened, it also opens offline.

## Map
map-label = Map of parcel service points
map-stations-count = { $n ->
    [one] { $n } service point
   *[other] { $n } service points
}
map-stations-on-demand = { $n } service points in the counties opened. { $pending ->
    [0] Tap a county on the map, or zoom in on an area, to open its service points.
   *[other] Opening { $pending } more…
}
county-error = A county could not be loaded ({ $file }):
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
sheet-handle = Expand or collapse the panel (or drag it up and down)
field-id = ID
field-operator = Operator
field-brands = Express brands
field-model = Cooperation model
field-services = Services
column-hours = Opening hours
column-address = Address
column-phone = Phone
column-filing_no = End-outlet filing (备案)
column-standardized = Meets the station standard
column-locker = Smart parcel locker
field-pickup-fee = Fee to collect a parcel
column-opened = Opened
column-verified = Last checked on site
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
quality-completeness-title = How complete the information is
quality-completeness-intro = Valid is not the same as enough: service points with no phone, no opening hours, or an address that names only their county or township (which finds no door), by county. Tap a count for the points. Counties loaded so far are counted.
quality-county = County
quality-stations = Service points
quality-no-phone = No phone
quality-no-hours = No opening hours
quality-vague-address = Address names only the area
quality-more = { $n } more: see the stations table
quality-problems-title = Problems in the data
quality-intro = Problems found in the published data. Rows with an error are left off the map; rows with a warning are shown.
quality-count = Problems: { $n } · errors: { $errors } · warnings: { $warnings }
quality-empty = No problems found.
quality-unreadable = The problems the build listed in the data summary cannot be read ({ $detail }); only those found while loading the counties are shown.
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

## Search
search-label = Search for a county, township, village or service point
search-placeholder = Village, township, point…
search-results = Search results
search-none = Nothing found. Try part of the name, or its pinyin initials.
search-starting = Loading the search…
search-code-failed = The search could not be loaded. Check the connection, then type again.
search-loading = Loading pinyin search… (characters work already)
search-pinyin-failed = Pinyin search could not be loaded (file { $file }); search with characters for now.
search-count = { $n ->
    [one] { $n } result; use the arrow keys to choose
   *[other] { $n } results; use the arrow keys to choose
}
kind-province = Province
kind-city = City
kind-county = County
kind-township = Township
kind-village = Village
kind-station = Service point
village-kind-village = Village committee
village-kind-community = Residents' committee

## Near me
near-me = Near me
near-title = Nearest points open for business
near-locating = Finding your location…
near-denied = Location permission was not given. Search above for your village, township or service point.
near-unavailable = Your location cannot be found right now. Search above for your village, township or service point.
near-timeout = Finding your location took too long (the signal may be weak). Search above for your village, township or service point.
near-unsupported = This browser cannot give your location. Search above for your village, township or service point.
near-outside = Your location is outside the area this site's data covers. Search above for the village, township or service point you want.
near-not-loaded = The data for the area around you could not be loaded. Check the connection and try again.
near-code-failed = "Near me" could not be loaded. Check the connection and try again.
near-in-village = You are in this village ({ $km } from the village committee):
near-served-by = The point serving this village:
near-privacy = Your location is used on this device only: it is not put in any link, not saved and not sent anywhere.
distance-m = { $m } m
distance-km = { $km } km
distance-from-village = { $km } from the village committee

## Opening state
open-not-operating = Not open ({ $status })
open-unknown = Cannot tell whether it is open now
open-always = Open (all day)
open-until = Open now · closes { $when }
closed-never = No longer opens
closed-until = Closed now · opens { $when }
when-tomorrow = tomorrow { $time }
when-day = { $day } { $time }
hours-closed = closed
days-every = Every day
days-range = { $from }–{ $to }
days-none = none
list-separator = ;{" "}
weekday-mo = Mon
weekday-tu = Tue
weekday-we = Wed
weekday-th = Thu
weekday-fr = Fri
weekday-sa = Sat
weekday-su = Sun

## Station page
details-page-link = Full page: open now, directions, complaints
phone-label = Phone:
directions-title = Getting there
directions-amap = AMap (Gaode)
directions-baidu = Baidu Maps
directions-osm = OpenStreetMap
show-on-map = Show on this site's map
station-details-title = About this point
complain-title = Complain
complain-intro = A parcel not delivered, a fee to collect one, a point that does not exist or was not open: all of these can be complained about.
complain-village-link = Complain: parcels not brought to the village, fees, too few deliveries
complain-link = Complain about this point
area-path-label = Where it is

## Village page
population = { $n } registered residents
township-villages-title = The township's villages
township-villages-name = Village and its serving point
township-villages-frequency = Deliveries
serving-none-short = No serving point
serving-title = The point serving this village
serving-none = No point is recorded as serving this village.
serving-missing = The point recorded as serving this village, “{ $id }”, is not in the data.
service-title = Deliveries and collections
field-deliveries = Deliveries a week
field-pickups = Collections a week
column-delivery_days = Delivery days
field-delivery-mode = How parcels arrive
column-updated = Updated
column-id = ID
column-tier = Tier
column-name = Name
column-admin_code = Division code
column-lon = Longitude
column-lat = Latitude
column-operator = Operator
column-brands = Brands
column-model = Cooperation model
column-services = Services
column-pickup_fee = Pickup fee (yuan)
column-status = Status
column-code = Code
column-township_code = Township code
column-kind = Kind
column-population = Population
column-deliveries_per_week = Deliveries a week
column-pickups_per_week = Collections a week
column-delivery_mode = Delivery mode
column-served_by = Served by (station ID)
std-meets = at least once a day
std-below = less than once a day
field-code = Division code
standard-note = The standard: at least one delivery a day ({ $n } a week).
alternatives-title = Other points open nearby
alternatives-none = No other point open for business to compare with (the village's location is not published, or none is near).

## Complaint
complaint-title = Complain
complaint-about = About:
reference-none = (no reference given)
nav-complaint = Complain
pending-label = { $n } complaints waiting to be sent
complaint-draft-other = You have an unsent draft about another point.
complaint-use-this-station = Complain about this point instead
complaint-send-online = Send online
complaint-make-email = Write the e-mail
complaint-make-letter = Make the complaint letter
complaint-draft-saved = Saved on this device as you type: a reload or a lost signal loses nothing.
complaint-draft-not-saved = The browser does not let the draft be saved: please keep this page open.
complaint-errors-title = Please correct the following
complaint-guidance-title = Before you complain: the company first; if it has not solved it within 7 days, appeal to the postal administration
complaint-you-title = How to reach you (optional)
complaint-you-intro = With these the receiving office can contact you and tell you the outcome. They stay on this device, and are sent with the complaint only if you agree.
field-required = (required)
hint-station-or-village = Choose the point, the village or both: search below, or come from the point's page and it is filled in. If neither is listed, type the address.
hint-waybill = The number on the parcel label: letters and digits. The brand may come first, as in “中通 7531 2345 6789”.
hint-amount = In yuan, e.g. 2 or 1.50.
hint-days = A whole number from 0 to 7.
hint-description = Facts only: when, where, what happened. At most 4,000 characters.
hint-phone = 11-digit mainland mobile number.
hint-what-is-wrong = E.g. the point does not exist, has closed, its phone does not answer, its hours are wrong.
consent-text = I agree that my name, phone and e-mail are sent with the complaint to the receiving office.
complaint-clear-place = Change
complaint-served-villages = Villages this point serves
complaint-find-station = Find the point (name or pinyin)
complaint-find-village = Find the village (name or pinyin)
way-open311 = Send online to the receiving office (with a reference number)
way-email = E-mail { $to }
way-letter = Make a complaint letter: print it, download it, or paste it into the 12305 website or WeChat "yz12305"
sent-title = Your complaint is saved
sent-email-title = Your e-mail is ready
sent-delivered = Delivered to the receiving office. Reference: { $reference }
sent-sending = Sending…
sent-queued = Not sent yet (no connection, or the receiver failed). It is saved on this device and will be sent again automatically when there is a connection — never twice.
sent-email-ready = Press the button below to send it with your mail program.
sent-open-email = Send with your mail program
sent-email-personal = To protect your privacy the e-mail leaves out your name and phone; add them in the e-mail if you want an answer.
sent-letter = See the complaint letter
complaint-new = Write another complaint

## Complaint letter
letter-missing-title = Complaint letter not found
letter-missing = This device keeps no such complaint. It may have been deleted, or written on another device.
letter-ready = Your letter of appeal is ready
letter-ready-next = Next: copy the text and paste it into the 12305 appeal site (sswz.spb.gov.cn) or the WeChat account “yz12305”, or print or download it for the express company or the postal administration.
letter-anonymous = This letter has no name and no contact: the authority cannot answer you or check the facts with you. If you want an answer, go back to the form and give your name and phone.
letter-copy = Copy the letter's text
letter-copied = Copied. You can now paste it into the appeal site's “申诉内容” box.
letter-copy-failed = This browser cannot copy directly. Press and hold the letter's text, choose “Select all”, then copy.
letter-reading = Read it in English (for you only: the letter you send is in Chinese)
letter-print = Print
letter-download-txt = Download as text (.txt)
letter-download-json = Download as data (.json)
letter-where = Hand the letter to the company or the postal administration, or paste the text into sswz.spb.gov.cn or WeChat "yz12305".

## My complaints
my-complaints-title = My complaints
my-complaints-intro = The complaints written on this device. They are kept only in this browser.
storage-failed = The browser did not save the latest changes (storage is full or disabled). Please keep this page open.
my-complaints-empty = No complaints on this device yet.
way-open311-short = Online
way-email-short = E-mail
way-letter-short = Letter
state-delivered = Delivered ({ $time }). Reference: { $reference }
state-queued = Waiting to be sent again: { $attempts } attempts so far ({ $error }); next at about { $time }
state-sending = Sending
state-handed = Made ({ $time })
record-created = Written
record-channel = How
record-state = State
record-retry = Send again now
record-delete = Delete
record-delete-confirm = Delete this complaint?
cancel = Cancel
erase-title = Erase the data on this device
erase-intro = Deletes everything this site keeps on this device: every complaint, the unsent draft and the language choice. Complaints already sent are not affected.
erase-button = Erase everything
erase-confirm = Erase everything? This cannot be undone.
erase-yes = Erase
erase-done = Erased. This site keeps nothing on this device any more.

## Not found
village-not-found = No village with division code “{ $code }” is in the data.
page-not-found = There is no page at this address.
not-found-search = Search below for a village, township, county or service point (characters or pinyin):

## Coverage by area
nav-areas = Coverage
nav-data = Data
area-not-found = The data has no area with the code { $code }.
areas-title = Coverage by area
areas-intro = Parcel-service coverage of every province, city, county and township in the data. Follow an area's name to go down a level.
areas-all = All areas
figures-title = Coverage
children-title = { $level } in this area
count-villages = Administrative villages
count-township-stations = Township stations (operating)
count-village-points = Village service points (operating)
count-village-points-filed = of which filed
count-village-points-standardized = of which up to standard
count-county-centers = County distribution centres (operating)
count-lockers = Points with a parcel locker
by-status = Points by status
by-model = Points by cooperation model
share-village-point = Villages with a point of their own
share-served = Villages served by a point
share-daily = Villages served daily (≥ 7 a week)
share-township-station = Townships with a township station
share-standardized-township-station = Township stations up to standard
share-locker-village = Villages whose point has a locker
share-large-village-point = Large villages (2,500+) with a point
chart-numbers = The numbers in the chart (table)
chart-share-label = Chart shows
chart-children-title = By area: { $share }
chart-pct-desc = Bar length is the percentage, a full bar 100 %; each bar is followed by the count and the percentage.
chart-count-desc = Bar length is the number of villages; each bar is followed by the count and its percentage of all villages.
deliveries-title = Deliveries per week
deliveries-intro = From the point that actually serves each village: a village whose point is not operating counts as not served.
deliveries-unserved = Not served
deliveries-per-week = { $n } a week
deliveries-unknown = Served, frequency not published

## Data and provenance
data-title = Where the data comes from
data-package-title = Data package
data-publisher = Publisher
data-version = Version
data-created = Data as of
data-licences = Licence
data-crs = Coordinate system the publisher used
crs-wgs84 = WGS-84 (GPS)
crs-gcj02 = GCJ-02 (AMap, Tencent), converted to WGS-84
crs-bd09 = BD-09 (Baidu), converted to WGS-84
data-sources = Sources
data-files = Files
data-files-intro = Every file this site uses, for download as published; check a download against its SHA-256.
data-file = File
data-outlines = The package's { $n } county outlines are published too, as package/boundaries/<county code>.geojson; their checksums are in SHA256SUMS.
data-checksums = The SHA-256 of every file the site reads, each county's files too, in the format sha256sum -c checks:
data-bytes = Bytes
data-rows = Rows
table-stations-title = Stations table
table-villages-title = Villages table
summary-unreadable = This part of the data summary cannot be read ({ $detail }); please tell the data's publisher. The rest of the page is shown as usual.
targets-title = Promises and reality
shade-label = Colour counties by
shade-off = No colour
shade-none-figure = No figure

## Targets
targets-intro = Every target is quoted from a policy document. Figures are computed from this data; statuses are as of the data's date, { $date }: met, not met yet with the deadline ahead, missed, or not measurable from the data (with the reason).
targets-progress-title = How far each target is reached
targets-progress-desc = Bar length is the figure as a percentage of the target, a full bar 100 %; for a target whose deadline is ahead, the red line is where steady progress from the document's date to the deadline would be now (none after the deadline).
targets-area = Area
targets-indicator = Indicator
targets-value = Figure in the data
targets-target = Target
targets-deadline = Deadline
targets-status = Status
targets-document = Document
targets-expected = steady progress would be at { $n } by now
targets-met-as-of = Met as of { $date }
targets-met-late = The deadline was { $deadline }: the data shows the target met by its own date, not whether it was met in time.
targets-bar-goal = target { $target } by { $deadline }
targets-read-text = Read the text (quote marked)
document-show-quote = mark in the text
document-quote = Quoted:
document-not-verbatim = This quote is not found word for word in the text: the parts found are marked; the rest summarises.
document-download = Download the text (.txt)
document-targets = Targets quoting this document
document-text = The text
document-text-note = Extracted from the published document, line breaks as they were. The sentences the targets quote are marked.
ind-village-point-coverage-pct = Administrative villages with a village service point
ind-large-village-point-coverage-pct = Large villages (2,500+) with a service point
ind-daily-service-pct = Villages served daily
ind-township-station-coverage-pct = Townships with a township station
ind-township-station-count = Township stations
ind-standardized-township-stations = Township stations up to standard
ind-standardized-township-stations-pct = Share of township stations up to standard
ind-village-point-count = Village service points
ind-standardized-village-points = Village points up to standard
ind-filed-village-points = Village points filed
ind-locker-village-pct = Villages whose point has a parcel locker
ind-county-center-built = County distribution centre
ind-demo-county-count = Demonstration counties
ind-demo-project-count = Demonstration projects
ind-demo-township-center-count = Demonstration township centres
ind-demo-village-station-count = Demonstration village stations
complaint-stats-title = Complaint figures
complaint-stats-intro = The complaint figures the publisher released: { $n } in all. A month without figures was not published, which is not the same as no complaints.
complaint-stats-by-category = By category
complaint-stats-by-month = By month
complaint-stats-month = Month
complaint-stats-received = Received
complaint-stats-resolved = Resolved

## Tables
table-any = All
table-tier = Tier
table-status = Status
table-model = Cooperation model
table-filed = Filed
table-text = Search (name, id, address, operator)
table-area = Area
table-below-daily = Only those below the daily standard
table-page-size = Rows per page
table-status-line = { $total } rows; page { $page } of { $pages }, { $shown } rows on this page
table-download-csv = Download all { $n } rows (CSV)
table-download-json = Download all { $n } rows (JSON)
table-download-geojson = Download all { $n } rows (GeoJSON, for QGIS or uMap)
table-pages = Pages
table-prev = Previous
table-next = Next

## Changes
changes-title = What changed
changes-none = The publisher shipped no comparison with the previous version of this data.
changes-download = Download the list of changes (changes.json)
changes-stations = Stations
changes-villages = Villages
changes-added = { $n } added
changes-removed = { $n } removed
changes-changed = { $n } changed
changes-more = { $n } more not listed; see changes.json.

# Shown with no network (the service worker serves what it kept).
offline-notice = No network: showing the data this device kept on its last visit (version { $version }). Complaints wait on this device until the network is back.

# The map as a list (the stations in the map's view).
list-toggle = List
list-heading = Points on the map
list-count = { $n } in all, nearest the map's centre first.
list-count-cut = { $n } in all; the { $shown } nearest the map's centre are listed. Zoom in to list the rest.
list-empty = No points in this part of the map. Zoom out, or search for a place above.
list-close = Close the list
list-table = The table of every point (to filter and download)

# The receiver's questions, and what it says afterwards (docs/COMPLAINTS.md, "Open311").
hint-address = Only if the point or village is not in the list, or to say exactly where: as you would write it on a parcel.
questions-title = The receiving system also asks
questions-intro = These questions come from the office that receives the complaint.
questions-choose = Choose…
questions-failed = The receiving system's own questions could not be loaded. You can still send: the office will ask for anything missing.
way-not-taken = The receiving system does not take “{ $category }” complaints online: send it by e-mail or as a letter.
remote-title = What the receiving office says
remote-open = Being handled
remote-closed = Closed
remote-new = New
remote-agency = Handled by: { $agency }
remote-updated = Updated { $time }
remote-waiting = Received; the office has not given it a number yet.
service-notice = The receiving office says: { $notice }
data-geojson = Each county's points as GeoJSON (WGS-84, every column; for QGIS, uMap and other map software)
data-geojson-count = { $n } points
embed-open-site = 村递 Cundi: open the whole map in a new window

## Brands and services (where can I collect my parcel)
want-brand-label = Express brand
want-brand-any = All brands
want-service-label = Service
want-service-any = All services
map-stations-want = { $n } of { $total } service points handle { $what }
near-title-want = Points open for business near you for { $what }
near-none-wanted = No point within { $km } handles { $what }. Parcels of every brand are sorted at the county distribution centre: you can send or collect there, or ask:
centre-unlisted = The data does not list { $what } for the county centre: call before you go.
serving-not-wanted = The data does not list { $what } for this point.
alternatives-title-want = Points open nearby for { $what }
want-figures = These figures count only the points that handle { $what }: the others count as absent, and a village whose serving point does not handle it is not counted as served.
want-figures-unloaded = Figures for { $what } are read from each county's service points. Open a county below to see them; the figures here are still those of every point.
map-options = Layers and filters
layer-frequency-short = Delivery frequency
share-link = Share this page
share-link-copied = Link copied: paste it into a WeChat group.
share-link-failed = Cannot copy. Copy the link from the address bar.

## Data dictionary (pages/dictionary.rs): about-<file>-<column>
about-stations-id = Unique to each station, the same in every version.
about-stations-tier = The tier of the three-tier network: county centre, township station, village point.
about-stations-name = The station's name.
about-stations-admin_code = Where it stands: a village code for a village point, a township code for a township station, a county code for a centre.
about-stations-lon = Longitude, in the package's coordinate system (WGS-84 in downloads).
about-stations-lat = Latitude, likewise.
about-stations-address = Street address.
about-stations-phone = Public phone number.
about-stations-operator = The company or body that runs it.
about-stations-brands = Express brands handled, separated by “;”.
about-stations-model = Cooperation model (codes below).
about-stations-services = Services offered, separated by “;” (codes below).
about-stations-hours = Opening hours, in OpenStreetMap opening_hours syntax.
about-stations-filing_no = End-outlet filing number (备案); empty = not filed.
about-stations-standardized = Meets the provincial station standard (true / false).
about-stations-locker = Has a smart parcel locker (true / false).
about-stations-pickup_fee = Yuan charged to a recipient per parcel collected; published policy is none, 0.
about-stations-status = Whether it is open for business (codes below).
about-stations-opened = Date opened.
about-stations-verified = Date last checked on site.
about-villages-code = 12-digit statistical division code.
about-villages-name = Official name of the village or residents' committee.
about-villages-township_code = 9-digit code of its township.
about-villages-kind = Village committee or residents' committee (codes below).
about-villages-population = Registered residents.
about-villages-lon = Longitude of the village committee.
about-villages-lat = Latitude of the village committee.
about-villages-served_by = ID of the station that serves it; empty = no service.
about-villages-deliveries_per_week = Deliveries a week, 0–21; the standard is at least 7 (once a day).
about-villages-delivery_days = Delivery days, opening_hours style, e.g. Mo,We,Fr.
about-villages-pickups_per_week = Collections of outgoing parcels and produce a week.
about-villages-delivery_mode = How parcels reach the villagers (codes below).
about-villages-updated = Date of the last update.
dictionary-title = Data dictionary
dictionary-intro = What each column of the stations and villages tables means, and every code of the coded columns. Downloads keep the raw codes; the table pages show them in words.
dictionary-column = Column
dictionary-word = Shown as
dictionary-type = Type
dictionary-meaning = Meaning
dictionary-required = required
dictionary-extra = Any other column a package adds is shown as published; datapackage.json describes it.
dictionary-link = What each column means (data dictionary)

# Complaint categories and fields (crates/core/src/complaint/mod.rs).

category-non-delivery = Parcel not delivered to the address
category-illegal-fee = Illegal fee
category-frequency-shortfall = Village served too rarely
category-station-not-operating = Station not operating or listed wrongly
category-lost-damaged = Lost or damaged parcel
category-delay = Late delivery
category-service-attitude = Staff behaviour
category-other = Other

field-category = Category
field-station = Station
field-village = Village
field-address = Address
field-date = Date
field-time = Time
field-brand = Express brand
field-waybill = Waybill number
field-where-left = Where the parcel was left
field-amount = Amount charged (yuan)
field-who-charged = Who charged
field-receipt = Receipt
field-actual-days-per-week = Actual delivery days a week
field-what-is-wrong = What is wrong
field-description = What happened
field-company-contacted = Complained to the company first
field-contacted-on = Date you complained to the company
field-company-answer = The company's answer
field-name = Name
field-phone = Mobile phone
field-email = E-mail
field-consent = Consent to send personal data
field-attributes = The receiving system's questions
field-channel = How to send
field-client-request-id = Submission id

# The receiving system's refusal, in words (State::Rejected; docs/COMPLAINTS.md, "Open311").
refused-key = The receiving system refused this site's key (HTTP { $status }). This is a fault in the site's set-up, not in your complaint. Until it is fixed, send the letter instead (it is ready below). The system said: { $said }
refused-not-found = The receiving system does not know the service this site asked for (HTTP 404). This is a fault in the site's set-up, not in your complaint. Send the letter instead (it is ready below). The system said: { $said }
refused-invalid = The receiving system did not accept the complaint as it is (HTTP { $status }): { $said }. Correct it and send again, or send the letter instead.
refused-other = The receiving system refused the complaint (HTTP { $status }): { $said }. You can send it again, or send the letter instead.
refused-nothing-said = it gave no reason

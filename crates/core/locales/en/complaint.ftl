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
field-channel = How to send
field-client-request-id = Submission id

# The complaint letter (申诉书) (crates/core/src/complaint/letter.rs).

letter-title = Complaint to the postal administration: { $category }
letter-section = { $heading }
letter-labelled = { $label }: { $value }
letter-not-given = (not given)
letter-to-default = The local postal administration (postal users' appeal line { $phone }, website { $website })

letter-heading-to = To
letter-heading-complainant = Complainant
letter-heading-company = Company and parcel
letter-heading-problem = The problem
letter-heading-facts = The facts
letter-heading-request = The request
letter-heading-first-contact = What was done first
letter-heading-guidance = What happens next
letter-heading-date = Date
letter-date = Date: { $date }
    Signature:

letter-station = { $name } (id { $id })
letter-station-address = Station address
letter-operator = Operated by
letter-village = { $name } ({ $code })
letter-area = Area
letter-area-sep = {", "}
letter-when = When

letter-non-delivery-where = The parcel was not delivered to the address on the waybill; it was left at: { $where }, without my consent.
letter-non-delivery = The parcel was not delivered to the address on the waybill, and I did not consent.
letter-fee-who = I was charged { $amount } yuan to collect the parcel (charged by: { $who }).
letter-fee = I was charged { $amount } yuan to collect the parcel.
letter-receipt = {" "}I have a receipt.
letter-no-receipt = {" "}I was given no receipt.
letter-frequency-published = The village actually gets parcels on only { $n } days a week (published: { $published } times a week), short of the standard of at least once a day.
letter-frequency = The village actually gets parcels on only { $n } days a week, short of the standard of at least once a day.
letter-station-wrong = The published station does not match reality: { $what }
letter-lost-damaged = The parcel was lost, arrived short, or was damaged.
letter-delay = The parcel arrived late.
letter-service-attitude = Staff behaved badly.
letter-other = See the facts.

letter-request-non-delivery = Please have the company deliver to the address on the waybill, and deal with parcels put in lockers or parcel stations without consent.
letter-request-illegal-fee = Please have the { $amount } yuan charged refunded, and deal with the illegal fee.
letter-request-frequency-shortfall = Please have the companies deliver at least once a day, as published.
letter-request-station-not-operating = Please check the station and correct the published information.
letter-request-lost-damaged = Please have the company pay compensation as the law and the contract require.
letter-request-delay = Please have the company explain the delay and pay compensation as the contract requires.
letter-request-service-attitude = Please have the company look into it and improve its service.
letter-request-other = Please look into it and deal with it according to the law.

letter-contacted-on = I complained to the company on { $date } ({ $days } days ago).
letter-contacted = I complained to the company.
letter-answer = Its answer: { $answer }
letter-no-answer = It has not answered.
letter-not-contacted = I have not complained to the company yet.
letter-contact-not-stated = Not stated.

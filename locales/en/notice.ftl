# The station notice (/station/:id/notice): an A4/A5 sheet printed for the station's wall.
# Every key must also be in zh-CN/notice.ftl; leptos-fluent checks this at compile time.

notice-link = Print the station notice
notice-intro = Print it and put it up where people collecting parcels can see it.
notice-print = Print
notice-size-label = Paper size
notice-back = Back to the station page
notice-rule-title = The rules
notice-fee-reported = Fee recorded for this station in the data: { $fee } yuan a parcel
notice-fee-reported-note = This is what the station was recorded doing, not the rule. If anyone asks you to pay to collect a parcel, you can complain (see below).
notice-fee-free = No fee to collect a parcel
notice-fee-unknown = Whether collecting a parcel costs anything: not published
notice-fee-complain = If anyone asks you to pay to collect a parcel, you can complain (see below).
notice-routes-title = How to complain
notice-appeal-phone = Postal users' appeal line
notice-qr-label = QR code: { $url }
notice-qr-caption = Scan to open this point's page — its hours, and complaints:
notice-form = Complaint form:

# What is wrong with a field of the complaint form (crates/core/src/complaint/validate/errors.rs).

error-required = This is required
error-station-or-village = Choose the station or the village
error-unknown-station = This station is not in the data; pick it on the map or from search
error-unknown-village = This village is not in the data; pick it on the map or from search
error-not-a-village-code = A village code has 12 digits
error-bad-request-id = The submission id is invalid ({ $min }–{ $max } letters, digits, - or _); reload the page and try again
error-bad-waybill = A waybill number has { $min }–{ $max } letters or digits (and -)
error-not-a-number = Enter a number, such as 5 or 2.50
error-not-positive = The amount must be more than 0
error-amount-too-large = The amount cannot be more than { $max } yuan
error-too-many-decimals = At most two decimals (to the fen)
error-not-whole = Enter a whole number
error-out-of-range = Enter a number from { $min } to { $max }
error-too-long = At most { $max } characters; this has { $len }
error-bad-phone = Enter a mainland mobile number: 11 digits starting 13–19 (+86 allowed)
error-bad-email = This does not look like an e-mail address, such as name@example.com
error-bad-date = Enter a date as YYYY-MM-DD
error-date-in-future = The date cannot be after today
error-date-too-early = The date cannot be before { $year }
error-contacted-before = You cannot have complained to the company before it happened
error-bad-time = Enter a time as HH:MM, such as 14:30
error-consent = To send your name, phone or e-mail, agree to send them to the receiving body, or remove them
error-needed-by-channel = The way of sending you chose needs this
error-email-or-phone = The way of sending you chose needs an e-mail address or a phone number
error-no-authority-email = The local authority has no published e-mail address; choose another way to send
error-category-not-accepted = The receiving system does not take this kind of complaint; choose another way to send

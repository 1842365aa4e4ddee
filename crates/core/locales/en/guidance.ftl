# Where to turn, and the e-mail link (crates/core/src/complaint/guidance.rs, mailto.rs).

guidance-company-first = First complain to the express company: call the brand's customer service or use its official channels, and note the waybill number and when you complained.
guidance-days = The company must answer within { $days } days. If it does not, or its answer does not satisfy you, appeal to the postal administration:
guidance-call = call the postal users' appeal line { $phone };
guidance-call-area-code = call the postal users' appeal line { $phone } (from a mobile, dial the local area code first);
guidance-website = use the appeal website { $website };
guidance-wechat = or follow the WeChat account { $wechat }.
guidance-needs = An appeal needs the company's name, the waybill number, the problem, what you ask for, and the facts.
guidance-rule-address = Parcels are to be delivered to the agreed address. Not doing so, and charging fees against the rules, are offences the postal administration investigates.
guidance-lockers = Since 1 March 2024 the Express Market Measures (快递市场管理办法) forbid putting a parcel in a locker or a parcel station without the recipient's consent.
guidance-authority = Your local authority: { $name }
guidance-authority-contacts = Your local authority: { $name } ({ $contacts })
guidance-contacts-sep = {"; "}
contact-phone = phone { $v }
contact-email = e-mail { $v }
contact-website = website { $v }
contact-address = address { $v }
contact-office-hours = office hours { $v }

mail-subject-waybill = Complaint: { $category } (waybill { $waybill })
mail-subject = Complaint: { $category }
mail-no-personal-data = (To protect personal data, name and phone are not put in the e-mail link; add them here if you want an answer.)
mail-cut = … (Cut: too long for a mail link. Please attach the downloaded letter.)

# 村递 Cundi — the texts only index.html's first paint uses (en), filled in by `cundi-data csp`
# (crates/datatool/src/frame.rs) with the plain messages of locales/en/ that the frame names.
# Kept outside locales/en/ because the site's code never asks for them. Every id here must be
# in the other language's file too (tests/e2e/translations.spec.mjs).

stalled-title = The site's code has not finished downloading
stalled-hint = The connection may be slow. Tap Retry; if that does not help, try another network.
fallback-title = This browser cannot open the site's map and forms
fallback-update = Update WeChat or your browser to the latest version. In WeChat, tap “···” at the top right and choose “Open in browser” to open this page in the phone's own browser.
fallback-appeal-title = Complaints and appeals
fallback-appeal = For a parcel not delivered to your door, a fee to collect one and other problems, complain to the company first; if it is not solved within 7 days, or you are not satisfied, appeal to the postal administration: call the postal users' appeal line (area code + 12305), visit sswz.spb.gov.cn, or follow the WeChat account “yz12305”.
fallback-files-title = Data files
fallback-files = Everything this site shows comes from these published files (CSV, which any spreadsheet opens):

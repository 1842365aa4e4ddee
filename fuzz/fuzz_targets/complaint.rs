//! What a browser's storage may hold, read back: a draft (any JSON) validated for each channel
//! against the core's valid fixture, and the letter, e-mail link and Open311 form of whatever
//! validates; and the outbox read from any text. Never a panic.
#![no_main]
use cundi_core::complaint::{self, Channel, ChannelNeeds, Context, Draft, Outbox};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn dataset() -> &'static cundi_core::Dataset {
    static DS: OnceLock<cundi_core::Dataset> = OnceLock::new();
    DS.get_or_init(|| {
        let files = [
            (
                "datapackage.json",
                &include_bytes!("../../crates/core/tests/fixtures/valid/datapackage.json")[..],
            ),
            (
                "divisions.csv",
                &include_bytes!("../../crates/core/tests/fixtures/valid/divisions.csv")[..],
            ),
            (
                "stations.csv",
                &include_bytes!("../../crates/core/tests/fixtures/valid/stations.csv")[..],
            ),
            (
                "villages.csv",
                &include_bytes!("../../crates/core/tests/fixtures/valid/villages.csv")[..],
            ),
            (
                "authorities.csv",
                &include_bytes!("../../crates/core/tests/fixtures/valid/authorities.csv")[..],
            ),
        ];
        let mut load = |path: &str| {
            files
                .iter()
                .find(|(n, _)| *n == path)
                .map(|(_, b)| b.to_vec())
                .ok_or_else(|| "absent".to_string())
        };
        cundi_core::load::read_package(&mut load).0
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = Outbox::from_json(&text);
    let Ok(draft) = serde_json::from_slice::<Draft>(data) else {
        return;
    };
    let ds = dataset();
    let ctx = Context::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(), ds);
    for channel in [
        Channel::Letter,
        Channel::Email,
        Channel::Open311(ChannelNeeds::default()),
    ] {
        if let Ok(c) = complaint::validate(&draft, &channel, &ctx) {
            for lang in [cundi_core::Lang::Zh, cundi_core::Lang::En] {
                let _ = complaint::letter::letter(&c, &ctx, lang);
                let _ = complaint::mailto::mailto(&c, &ctx, "a@example.gov.cn", lang);
            }
            let _ = complaint::letter::to_json(&c);
        }
    }
});

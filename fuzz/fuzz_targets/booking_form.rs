//! A posted booking form: no panic; an accepted booking names a slot or a
//! group by a 32-hex-digit id and a phone number only when we call.
#![no_main]

use libfuzzer_sys::fuzz_target;
use suoja::fuzzing::NAME_MAX;
use suoja::fuzzing::Target;

fuzz_target!(|body: &[u8]| {
    if let Some(Ok(request)) = suoja::fuzzing::booking_form(body) {
        let id = match &request.target {
            Target::Slot(id) | Target::Group(id) => id,
        };
        assert!(id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()));
        if let Some(name) = &request.name {
            assert!(name.chars().count() <= NAME_MAX);
            assert!(!name.chars().any(char::is_control));
        }
    }
});

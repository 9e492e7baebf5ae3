//! A posted contact form, parsed as the handler parses it: whatever the
//! bytes, no panic, and an accepted request keeps the promised limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use suoja::fuzzing::{MESSAGE_MAX, NAME_MAX};

fuzz_target!(|body: &[u8]| {
    if let Some(Ok(request)) = suoja::fuzzing::contact_form(body) {
        assert!(!request.message.trim().is_empty());
        assert!(request.message.chars().count() <= MESSAGE_MAX);
        assert!(
            request
                .message
                .chars()
                .all(|c| !c.is_control() || c == '\n' || c == '\t')
        );
        if let Some(name) = &request.name {
            assert!(name.chars().count() <= NAME_MAX && !name.contains('\n'));
        }
        assert_eq!(request.topic, "general");
    }
});

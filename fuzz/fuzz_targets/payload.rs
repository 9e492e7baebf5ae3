//! The plaintext inside a seal: versioned JSON followed by padding. No
//! panic; a document that decodes survives padding unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|plain: &[u8]| {
    if let Some((before, after)) = suoja::fuzzing::payload(plain) {
        assert_eq!(before, after);
    }
});

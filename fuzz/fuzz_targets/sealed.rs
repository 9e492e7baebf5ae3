//! Arbitrary bytes as a sealed item (an age file), opened with a key: no
//! panic, no huge allocation, and nothing opens that was not sealed to it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|sealed: &[u8]| {
    let _ = suoja::fuzzing::open_sealed(sealed);
});

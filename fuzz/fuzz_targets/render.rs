//! Arbitrary client content rendered in the counsellor's case page and the
//! client's thread page: every `<`, `>`, `"` and `'` the client wrote comes
//! out escaped. Checked by rendering the same content with those characters
//! replaced: the pages must hold exactly as many of each.
#![no_main]

use libfuzzer_sys::fuzz_target;
use suoja::fuzzing::{ClientContent, render};

fn fields(data: &str) -> [&str; 5] {
    let mut parts = data.splitn(5, '\u{1f}');
    std::array::from_fn(|_| parts.next().unwrap_or(""))
}

fuzz_target!(|data: &str| {
    let defused: String = data
        .chars()
        .map(|c| if "<>\"'".contains(c) { '_' } else { c })
        .collect();
    let content = |f: [&str; 5]| -> (String, String) {
        render(&ClientContent {
            text: f[0],
            name: f[1],
            topic: f[2],
            contact: f[3],
            staff: f[4],
        })
        .expect("templates render")
    };
    let (case, thread) = content(fields(data));
    let (safe_case, safe_thread) = content(fields(&defused));
    for c in ['<', '>', '"', '\''] {
        assert_eq!(
            case.matches(c).count(),
            safe_case.matches(c).count(),
            "{c} in the case page"
        );
        assert_eq!(
            thread.matches(c).count(),
            safe_thread.matches(c).count(),
            "{c} in the thread page"
        );
    }
});

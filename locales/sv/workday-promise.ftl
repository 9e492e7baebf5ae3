# Tjänstens utlovade svarstid och dess automatiska första svar på
# klientens kontrollsida (src/promise, src/intake/views.rs).
promise-check-answer-time = Svarstid
promise-check-within = { $days ->
    [one] Vi svarar inom { $days } vardag.
   *[other] Vi svarar inom { $days } vardagar.
}
promise-check-waiting-since = Väntat på svar sedan
promise-thread-auto = Automatiskt svar från tjänsten

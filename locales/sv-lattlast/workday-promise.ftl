# Svarstid och automatiskt svar på lättläst svenska.
promise-check-answer-time = När vi svarar
promise-check-within = { $days ->
    [one] Vi svarar dig inom { $days } vardag.
   *[other] Vi svarar dig inom { $days } vardagar.
}
promise-check-waiting-since = Du har väntat på svar sedan
promise-thread-auto = Ett automatiskt meddelande från tjänsten

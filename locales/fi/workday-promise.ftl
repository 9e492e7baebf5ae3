# Palvelun lupaama vastausaika ja automaattinen ensivastaus asiakkaan
# tarkistussivulla (src/promise, src/intake/views.rs).
promise-check-answer-time = Vastausaika
promise-check-within = { $days ->
    [one] Vastaamme { $days } arkipäivän kuluessa.
   *[other] Vastaamme { $days } arkipäivän kuluessa.
}
promise-check-waiting-since = Odottanut vastausta
promise-thread-auto = Palvelun automaattinen vastaus

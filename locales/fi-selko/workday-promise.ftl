# Vastausaika ja automaattinen vastaus selkosuomeksi.
promise-check-answer-time = Milloin vastaamme
promise-check-within = { $days ->
    [one] Vastaamme sinulle { $days } arkipäivän sisällä.
   *[other] Vastaamme sinulle { $days } arkipäivän sisällä.
}
promise-check-waiting-since = Olet odottanut vastausta tästä päivästä
promise-thread-auto = Automaattinen viesti palvelusta

# Palvelun lupaama vastausaika, automaattinen vastaus ja muistutukset
# työntekijän sivuilla ja myöhästymisilmoituksessa (src/promise, src/notify/late.rs).
promise-form-heading = Vastausaika ja automaattinen vastaus
promise-form-hint = Asiakas näkee luvatun vastausajan tarkistaessaan asiansa. Jos asia on yhä uusi luvatun ajan jälkeen, se merkitään jonoon, ja jäsenille, joilla on sähköpostiosoite, kerrotaan kerran päivässä, että palvelussa on tällaisia asioita. Automaattinen vastaus lisätään kirjalliseen yhteydenottoon asiakkaan kielellä tai, jos sillä kielellä ei ole vastausta, selkosuomelle suomeksi, lättläst-ruotsille ruotsiksi ja muille englanniksi; jätä kieli tyhjäksi, jos sillä ei lähetetä vastausta.
services-field-answer-days = Luvattu vastausaika arkipäivinä
services-hint-answer-days = 1–60 arkipäivää (maanantaista perjantaihin, ei arkipyhiä), asian saapumispäivästä laskien. Jätä tyhjäksi, jos aikaa ei luvata.
promise-field-auto-reply-in = Automaattinen vastaus: { $language }
promise-error-answer-days = Anna vastausaika kokonaislukuna 1–60 arkipäivää tai jätä kenttä tyhjäksi.
promise-error-auto-reply = Automaattinen vastaus saa olla enintään 1000 merkkiä pitkä.
promise-queue-late = Luvattu aika ylittynyt
promise-queue-count = Luvattu aika ylittynyt
promise-case-hint = { $days ->
    [one] Palvelu lupaa vastata { $days } arkipäivän kuluessa asian saapumispäivästä.
   *[other] Palvelu lupaa vastata { $days } arkipäivän kuluessa asian saapumispäivästä.
}
promise-case-auto-reply = Palvelun automaattinen vastaus
promise-notify-subject = luvattu vastausaika ylittynyt
promise-notify-intro = Joissakin näiden suojan palvelujen asioissa luvattu vastausaika on ylittynyt:
stats-metric-answered-in-time = Luvatussa ajassa vastatut asiat
stats-line-answered-in-time = Ensimmäinen vastaus luvatussa ajassa

# Status: draft, needs review by a native speaker
# Selkosuomi (plain Finnish, selkokieli). Staff-only messages are copied from locales/fi/ unchanged.
## Ajanvaraus: asiakkaat

booking-link = Haluatko puhua puhelimessa tai tulla ryhmään? Varaa aika tästä.
booking-title = Varaa aika: { $service }
booking-intro = Valitse vapaa aika tai ryhmä. Sinun ei tarvitse kertoa nimeäsi. Me suojaamme kaiken, mitä kirjoitat. Vain tämän palvelun työntekijät voivat lukea sen.
booking-zone-note = Kellonajat ovat paikallista aikaa. Paikka: { $city }.
booking-zone-note-finland = Kellonajat ovat Suomen aikaa.
booking-zone-note-utc = Kellonajat ovat maailman yleisaikaa (UTC). Suomessa kello on 2 tai 3 tuntia enemmän.
booking-choose = Valitse aika
booking-times = Ajat puhelulle
booking-choose-group = Valitse ryhmä
booking-none-free = Nyt ei ole vapaita aikoja.
booking-none-free-title = Nyt ei ole vapaita aikoja eikä ryhmiä
booking-none-free-later = Työntekijät lisäävät tälle sivulle uusia aikoja ja ryhmiä. Katso sivua uudelleen muutaman päivän päästä.
booking-none-free-write = Voit myös kirjoittaa meille nyt. Lähetä viesti tästä.
booking-groups = Ryhmät
booking-seats-free = { $label } ({ $n ->
    [one] 1 paikka vapaana
   *[other] { $n } paikkaa vapaana
})
booking-group-detail = { $meetings ->
    [one] 1 tapaaminen
   *[other] { $meetings } tapaamista
}: { $first } – { $last }. { $free ->
    [one] 1 paikka vapaana.
   *[other] { $free } paikkaa vapaana.
}
booking-group-meetings = Tapaamiset
booking-group-name-hint = Käytämme tätä nimeä ryhmässä. Voit keksiä minkä tahansa nimen. Sen ei tarvitse olla oikea nimesi.
booking-group-submit = Ilmoittaudu ryhmään
booking-call = Kuka soittaa?
booking-call-we_call = Me soitamme sinulle
booking-call-you_call = Sinä soitat meille
booking-line-number = Meidän puhelinnumeromme: { $phone }
booking-phone = Puhelinnumerosi (jos me soitamme sinulle)
booking-phone-hint = Vain työntekijät näkevät numeron. Jos sinä soitat meille, jätä tämä tyhjäksi.
booking-topic = Aihe (jos haluat)
booking-topic-none = En valitse aihetta
booking-submit = Varaa tämä aika
booking-taken = Joku toinen varasi juuri tämän ajan. Valitse toinen aika. Muut tietosi ovat vielä tässä.
booking-group-full = Joku toinen sai juuri ryhmän viimeisen paikan. Valitse toinen ryhmä tai aika. Muut tietosi ovat vielä tässä.
booking-error-choice = Valitse aika.
booking-error-group = Valitse ryhmä.
booking-error-call = Valitse, kuka soittaa.
booking-error-phone = Kirjoita puhelinnumero, johon voimme soittaa. Käytä vain numeroita, välilyöntejä ja merkkejä + - ( ). Voit myös valita, että sinä soitat meille.
booking-error-phone-unused = Valitsit, että sinä soitat meille. Jätä siis puhelinnumero tyhjäksi.
booking-booked-title = Aikasi on varattu
booking-booked-at = Tallensimme varauksesi. Palvelu: { $service }.
booking-group-booked-title = Sinulla on paikka ryhmässä
booking-group-booked-at = Tallensimme ilmoittautumisesi ryhmään { $group }. Palvelu: { $service }.
booking-time = Aika
booking-line = Meidän puhelinnumeromme
booking-we-call-you-at = Me soitamme numeroon { $phone }
booking-you-call-us = Sinä soitat meille
booking-receipt-use = Kirjoita tämä koodi muistiin. Koodilla näet varauksesi. Voit myös siirtää tai perua varauksen. Voit myös lukea viestimme.
booking-group-receipt-use = Kirjoita tämä koodi muistiin. Koodilla näet ilmoittautumisesi ja ryhmän tapaamiset. Voit myös perua paikkasi. Voit myös lukea viestimme.
booking-manage-open = Katso, siirrä tai peru varaus
booking-manage-title = Varauksesi
booking-group-manage-title = Paikkasi ryhmässä
booking-group = Ryhmä
booking-state-booked = Varattu
booking-state-cancelled = Peruttu
booking-state-moved = Siirretty
booking-state-done = Valmis
booking-state-no_show = Jäi väliin
booking-group-state-booked = Olet mukana ryhmässä
booking-not-current = Et voi enää muuttaa tätä varausta.
booking-move = Vaihda toiseen aikaan
booking-move-submit = Vaihda aika
booking-cancel = Peru varaus
booking-cancel-hint = Joku toinen voi sitten varata tämän ajan. Viestisi pysyvät tallessa.
booking-cancel-submit = Peru varaus
booking-group-cancel = Peru paikkasi
booking-group-cancel-hint = Joku toinen voi sitten saada paikkasi. Viestisi pysyvät tallessa.
booking-group-cancel-submit = Peru paikkani
booking-cancelled-notice = Varauksesi on nyt peruttu.
booking-group-cancelled-notice = Paikkasi ryhmässä on nyt peruttu.
booking-moved-notice = Varauksellasi on nyt uusi aika.
booking-back-to-thread = Takaisin viesteihisi
booking-doc-moved = Varaus on siirretty. Uusi aika on { $when }.
booking-doc-cancelled = Varaus on peruttu.
booking-line-we_call-client = Aikasi: { $when }. Me soitamme sinulle.
booking-line-you_call-client = Aikasi: { $when }. Sinä soitat meille.
booking-line-we_call-staff = Varattu aika: { $when }. Me soitamme asiakkaalle.
booking-line-you_call-staff = Varattu aika: { $when }. Asiakas soittaa meille.
booking-line-group-client = Sinulla on paikka ryhmässä { $group }. Ensimmäinen tapaaminen on { $first }. Viimeinen tapaaminen on { $last }.
booking-line-group-staff = Paikka ryhmässä { $group }. Ensimmäinen tapaaminen on { $first } ja viimeinen { $last }.
booking-weekday-1 = maanantai
booking-weekday-2 = tiistai
booking-weekday-3 = keskiviikko
booking-weekday-4 = torstai
booking-weekday-5 = perjantai
booking-weekday-6 = lauantai
booking-weekday-7 = sunnuntai

## Ajanvaraus: työntekijät

kind-booking = Varaus
staff-availability = Ajat
avail-title = Ajat ja ryhmät
avail-slots = Julkaistut ajat
avail-slots-caption = Yksittäiset ajat tästä eteenpäin
avail-none = Ei julkaistuja.
avail-when = Aika
avail-seats = Varattuja paikkoja
avail-actions = Toiminnot
avail-remove = Poista
avail-booked = Varattu
avail-groups = Ryhmät
avail-oneoff = Julkaise yksittäinen aika
avail-weekly = Julkaise viikoittainen päivystys
avail-group = Julkaise ryhmä
avail-date = Päivä
avail-start = Alkaa
avail-until = Päättyy
avail-minutes = Kesto minuutteina
avail-slot-minutes = Yhden ajan kesto minuutteina
avail-capacity = Paikkoja
avail-weekday = Viikonpäivä
avail-from-day = Tästä päivästä alkaen (tyhjä: tänään)
avail-weeks = Kuinka monta viikkoa
avail-name-fi = Nimi suomeksi
avail-name-sv = Nimi ruotsiksi
avail-name-en = Nimi englanniksi
avail-first-meeting = Ensimmäisen tapaamisen päivä
avail-meetings = Tapaamisten määrä
avail-every-days = Päiviä tapaamisten välillä
avail-publish = Julkaise
avail-done-published = Julkaistu.
avail-done-removed = Aika poistettiin.
avail-error-service = Valitse jokin palveluistasi.
avail-error-date = Anna päivä muodossa VVVV-KK-PP.
avail-error-time = Anna kellonaika muodossa HH:MM.
avail-error-weekday = Valitse viikonpäivä.
avail-error-minutes = Keston on oltava 5–600 minuuttia.
avail-error-capacity = Paikkoja on oltava 1–500.
avail-error-weeks = Viikkoja on oltava 1–52.
avail-error-meetings = Tapaamisia on oltava 1–52.
avail-error-every = Päiviä tapaamisten välillä on oltava 1–366.
avail-error-until = Päivystyksen on päätyttävä alkamisen jälkeen.
avail-error-no-slots = Tästä päivystyksestä ei tule yhtään tulevaa aikaa.
avail-error-no-such-time = Tätä kellonaikaa ei ole tai se on kahdesti sinä päivänä (kellojen siirto). Valitse toinen aika.
avail-error-past = Aika on jo mennyt.
avail-error-group-name = Anna ryhmälle nimi kaikilla kolmella kielellä (enintään 100 merkkiä).
avail-error-raced = Joku varasi tämän ajan juuri nyt, joten mitään ei poistettu. Yritä uudelleen.
avail-error-confirm = Mitään ei poistettu: aika on varattu, ja sen poistaminen peruu varauksen. Poista se valitsemalla ”Olen varma”.
avail-error-unreadable = Tämän ajan varaus tehtiin ennen kuin pystyit avaamaan sen asian, joten varaajalle ei voitu kertoa. Mitään ei muutettu: pyydä kollegaa, joka voi avata sen.
avail-remove-booked = Poista ja peru sen varaukset
avail-done-removed-booked = Aika poistettiin. Sen varaukset on peruttu, ja jokainen asiakas sai siitä viestin.
avail-doc-removed = Jouduimme perumaan varauksesi ajalle { $when }: aika ei ole enää käytettävissä. Varaa toinen aika tai kirjoita meille tänne.
booking-weekday-long-1 = maanantai
booking-weekday-long-2 = tiistai
booking-weekday-long-3 = keskiviikko
booking-weekday-long-4 = torstai
booking-weekday-long-5 = perjantai
booking-weekday-long-6 = lauantai
booking-weekday-long-7 = sunnuntai

## Ajanvaraus: työntekijän aikataulu

staff-schedule = Aikataulu
schedule-title = Aikataulu
schedule-nav = Liiku aikataulussa
schedule-previous = Aiemmin
schedule-next = Myöhemmin
schedule-day = Yksi päivä
schedule-week = Koko viikko
schedule-go-to = Päivä
schedule-show = Näytä
schedule-week-of = Viikko { $first } – { $last }
schedule-none = Ei varauksia tänä aikana.
schedule-call-we_call = Me soitamme asiakkaalle
schedule-call-you_call = Asiakas soittaa meille
schedule-phone = Asiakkaan puhelinnumero
schedule-details = Tiedot
schedule-open-case = Avaa asia
schedule-mark-done = Merkitse hoidetuksi
schedule-mark-no-show = Merkitse väliin jääneeksi
schedule-cancel-message = Viesti asiakkaalle perumisesta
schedule-cancel-hint = Asiakas lukee viestin tunnuskoodillaan. Aika vapautuu jollekulle toiselle.
schedule-cancel-submit = Peru varaus ja lähetä viesti
schedule-done-outcome = Varaus on merkitty.
schedule-done-cancelled = Varaus on peruttu, ja viestisi odottaa asiakasta.
schedule-not-current = Joku muutti tätä varausta jo, joten mitään ei tehty.
schedule-unreadable = Tämä varaus tehtiin ennen kuin pystyit avaamaan sen asian, joten varaajalle ei voi lähettää viestiä täältä. Mitään ei tehty: pyydä kollegaa, joka voi avata sen.
schedule-error-summary = Varausta ei peruttu: kirjoita ensin viesti asiakkaalle.
schedule-doc-cancelled = Jouduimme perumaan varauksesi ajalle { $when }.

## Puhelimitse tullut yhteydenotto

kind-phone = Puhelu
staff-phone = Kirjaa puhelu
phone-title = Kirjaa puhelu
phone-intro = Kirjaa puhelu soittajan puolesta. Se sinetöidään kuten mikä tahansa yhteydenotto. Saat tunnuskoodin, jonka luet soittajalle, jotta hän voi jatkaa kirjoittamalla.
phone-errors = Tarkista nämä
phone-off-duty = Yhdelläkään palvelustasi ei ole päivystystä käynnissä nyt, joten puhelua ei voi kirjata. Puhelut kirjataan palvelun viikoittaisen päivystyksen aikana ja enintään { $minutes ->
    [one] minuutin
   *[other] { $minutes } minuutin
} ajan sen päätyttyä.
phone-on-duty = Päivystys käynnissä nyt: { $services }.
phone-error-off-duty = Tällä palvelulla ei ole päivystystä käynnissä nyt, joten puhelua ei kirjattu. Kirjoittamasi teksti on tallessa alla.
phone-name = Soittajan nimi (vapaaehtoinen)
phone-name-hint = Vain jos soittaja kertoi sen: nimi, jolla hän haluaa itseään kutsuttavan.
phone-text = Mistä puhelussa oli kyse
phone-text-hint = Sinetöidään: vain palvelun työntekijät ja soittaja koodinsa kanssa voivat lukea sen.
phone-submit = Tallenna ja näytä koodi
phone-receipt-title = Lue tämä koodi soittajalle
phone-saved = Puhelu on tallennettu palvelun { $service } asiaksi.
phone-read-out = Lue koodi hitaasti, neljän merkin ryhmissä. Sen avulla soittaja voi lukea vastauksemme ja kirjoittaa meille sivulla, jolle palataan koodin kanssa.
phone-shown-once = Koodi näytetään vain tämän kerran. Sitä ei tallenneta mihinkään, eikä sitä voi näyttää uudelleen.
phone-again = Kirjaa toinen puhelu
thread-phone-by = Puhelusi. { $name } kirjoitti sen muistiin.
case-phone-by = Puhelu, jonka kirjasi { $name }
avail-edit = Muuta
avail-edit-title = Muuta aikaa
avail-edit-now = Nyt: { $when }
avail-edit-booked = { $count ->
    [one] Yksi ihminen on varannut tämän ajan. Jos muutat aikaa, hänen varauksensa perutaan ja hän saa viestin uudesta ajasta.
   *[other] { $count } ihmistä on varannut tämän ajan. Jos muutat aikaa, heidän varauksensa perutaan ja jokainen saa viestin uudesta ajasta.
}
avail-edit-save = Tallenna muutos
avail-edit-back = Takaisin aikoihin
avail-done-edited = Aikaa muutettiin.
avail-done-edited-booked = Aikaa muutettiin. Sen varaukset on peruttu, ja jokainen asiakas sai viestin uudesta ajasta.
avail-error-below-taken = Paikkoja ei voi olla vähemmän kuin niitä on jo varattu.
avail-doc-changed = Jouduimme perumaan varauksesi ajalle { $when }: aika muuttui, uusi aika on { $new }. Voit varata uuden ajan tai jonkin muun, tai kirjoittaa meille tänne.
schedule-error-confirm = Vahvista peruminen valitsemalla ”Olen varma”.

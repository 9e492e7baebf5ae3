## Ajanvaraus: asiakkaat

booking-link = Haluatko mieluummin varata puheluajan tai ilmoittautua ryhmään? Varaa tästä.
booking-title = Varaa aika: { $service }
booking-intro = Valitse vapaa aika tai ryhmä. Nimeä ei tarvita. Kirjoittamasi sinetöidään niin, että vain tämän palvelun työntekijät voivat lukea sen.
booking-zone-note = Ajat ovat paikallista aikaa ({ $city }).
booking-zone-note-finland = Ajat ovat Suomen aikaa.
booking-zone-note-utc = Ajat ovat UTC-aikaa.
booking-choose = Aika
booking-times = Puhelinajat
booking-choose-group = Ryhmä
booking-none-free = Vapaita aikoja ei ole nyt varattavissa.
booking-none-free-title = Nyt ei ole vapaita aikoja eikä ryhmiä
booking-none-free-later = Työntekijät julkaisevat uusia aikoja ja ryhmiä tälle sivulle. Katso tilanne uudelleen muutaman päivän kuluttua.
booking-none-free-write = Voit myös kirjoittaa meille nyt: lähetä viesti
booking-groups = Ryhmät
booking-seats-free = { $label } ({ $n ->
    [one] 1 paikka vapaana
   *[other] { $n } paikkaa vapaana
})
booking-group-detail = { $meetings ->
    [one] 1 tapaaminen
   *[other] { $meetings } tapaamista
}, { $first } – { $last }, { $free ->
    [one] 1 paikka vapaana
   *[other] { $free } paikkaa vapaana
}
booking-group-meetings = Tapaamiset
booking-group-name-hint = Nimi, jolla haluat, että sinua kutsutaan ryhmässä. Mikä tahansa nimi käy; sen ei tarvitse olla oikea nimesi.
booking-group-submit = Ilmoittaudu ryhmään
booking-call = Kuka soittaa
booking-call-we_call = Me soitamme sinulle
booking-call-you_call = Sinä soitat meille
booking-line-number = Linjamme numero: { $phone }
booking-phone = Puhelinnumerosi (jos me soitamme)
booking-phone-hint = Vain työntekijät voivat lukea sen. Jätä tyhjäksi, jos soitat itse.
booking-topic = Aihe (vapaaehtoinen)
booking-topic-none = Ei aihetta
booking-submit = Varaa tämä aika
booking-taken = Valitettavasti joku muu ehti varata tämän ajan. Valitse toinen aika; muut kirjoittamasi tiedot ovat tallessa.
booking-group-full = Valitettavasti ryhmän viimeinen paikka ehti mennä. Valitse toinen ryhmä tai aika; muut kirjoittamasi tiedot ovat tallessa.
booking-error-choice = Valitse aika.
booking-error-group = Valitse ryhmä.
booking-error-call = Valitse, kuka soittaa.
booking-error-phone = Anna puhelinnumero, johon voimme soittaa (vain numerot, välilyönnit ja + - ( )), tai valitse, että soitat itse.
booking-error-phone-unused = Valitsit, että soitat itse, joten jätä puhelinnumero tyhjäksi.
booking-booked-title = Aikasi on varattu
booking-booked-at = Varauksesi palveluun { $service } on tallennettu.
booking-group-booked-title = Sinulla on paikka ryhmässä
booking-group-booked-at = Ilmoittautumisesi ryhmään { $group } ({ $service }) on tallennettu.
booking-time = Aika
booking-line = Linjan numero
booking-we-call-you-at = Soitamme numeroon { $phone }
booking-you-call-us = Sinä soitat meille
booking-receipt-use = Tällä koodilla näet varauksesi, voit siirtää tai perua sen ja lukea viestimme.
booking-group-receipt-use = Tällä koodilla näet ilmoittautumisesi ja ryhmän tapaamiset, voit perua ilmoittautumisen ja lukea viestimme.
booking-manage-open = Katso, siirrä tai peru varaus
booking-manage-title = Varauksesi
booking-group-manage-title = Paikkasi ryhmässä
booking-group = Ryhmä
booking-state-booked = Varattu
booking-state-cancelled = Peruttu
booking-state-moved = Siirretty
booking-state-done = Toteutunut
booking-state-no_show = Jäi väliin
booking-group-state-booked = Ilmoittautunut
booking-not-current = Tätä varausta ei voi enää muuttaa.
booking-move = Siirrä toiseen aikaan
booking-move-submit = Siirrä varaus
booking-cancel = Peru varaus
booking-cancel-hint = Aika vapautuu jollekulle toiselle. Viestisi säilyvät.
booking-cancel-submit = Peru varaus
booking-group-cancel = Peru ilmoittautuminen
booking-group-cancel-hint = Paikkasi vapautuu jollekulle toiselle. Viestisi säilyvät.
booking-group-cancel-submit = Peru ilmoittautuminen
booking-cancelled-notice = Varauksesi on peruttu.
booking-group-cancelled-notice = Ilmoittautumisesi on peruttu.
booking-moved-notice = Varauksesi on siirretty.
booking-back-to-thread = Takaisin viesteihisi
booking-doc-moved = Varaus siirrettiin aikaan { $when }.
booking-doc-cancelled = Varaus peruttiin.
booking-line-we_call-client = Aikasi: { $when }. Soitamme sinulle.
booking-line-you_call-client = Aikasi: { $when }. Soitat meille.
booking-line-we_call-staff = Varattu aika: { $when }. Me soitamme asiakkaalle.
booking-line-you_call-staff = Varattu aika: { $when }. Asiakas soittaa meille.
booking-line-group-client = Sinulla on paikka ryhmässä { $group }. Ensimmäinen tapaaminen on { $first } ja viimeinen { $last }.
booking-line-group-staff = Paikka ryhmässä { $group }. Ensimmäinen tapaaminen on { $first } ja viimeinen { $last }.
booking-weekday-1 = ma
booking-weekday-2 = ti
booking-weekday-3 = ke
booking-weekday-4 = to
booking-weekday-5 = pe
booking-weekday-6 = la
booking-weekday-7 = su

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
thread-phone-by = Puhelusi, jonka kirjasi { $name }
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

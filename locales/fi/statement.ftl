## Saavutettavuusseloste: henkilöstön sivut

staff-accessibility = Saavutettavuus
kind-feedback = Saavutettavuuspalaute
queue-answer-by = Vastattava viimeistään { $day }
case-answer-by = Vastattava viimeistään
case-answer-by-hint = Laki antaa kaksi viikkoa aikaa vastata saavutettavuuspalautteeseen sen saapumispäivästä.
a11y-admin-title = Saavutettavuusseloste
a11y-admin-intro = Nämä ovat saavutettavuusselosteen organisaatiokohtaiset osat; muu osa (mitä suoja täyttää, miten sitä testataan, valvontaviranomainen) on sama kaikille organisaatioille. Kirjoita pelkkää tekstiä. Täytetty osa tarvitsee suomen-, ruotsin- ja englanninkielisen tekstin. Muunkielinen sivu näyttää oman kielensä tekstin, jos annat sellaisen, ja muuten suomen-, ruotsin- tai englanninkielisen tekstin kielimerkinnällä.
a11y-admin-view = Katso seloste asiakkaan silmin
a11y-admin-date = Selosteen päivämäärä
a11y-admin-date-hint = Päivä, jolloin seloste laadittiin tai tarkistettiin viimeksi, muodossa VVVV-KK-PP, esim. 2026-12-20.
a11y-admin-service = Palaute menee palveluun
a11y-admin-service-hint = Palaute salataan tämän palvelun työntekijöille kuten yhteydenotto, ja se näkyy heidän jonossaan. Palvelu voi olla myös poistettu käytöstä, jolloin asiakkaat eivät näe sitä etusivulla.
a11y-admin-service-none = Ei lomaketta (palaute vain yhteystietojen kautta)
a11y-admin-part-organisation = Organisaatio
a11y-admin-part-answers = Kuka vastaa palautteeseen
a11y-admin-part-reply-time = Kuinka nopeasti vastaatte (tyhjä: ”kahden viikon kuluessa”)
a11y-admin-part-contact = Muut yhteystiedot
a11y-admin-part-authority = Valvontaviranomainen (tyhjä: oletusteksti)
a11y-admin-other-langs = Muut kielet (vapaaehtoinen)
a11y-admin-save = Tallenna seloste
a11y-admin-saved = Seloste tallennettiin.
a11y-admin-error-date = Kirjoita päivämäärä muodossa VVVV-KK-PP, esim. 2026-12-20.
a11y-admin-error-service = Valitse palvelu luettelosta.
a11y-admin-error-part = Kirjoita tämä osa suomeksi, ruotsiksi ja englanniksi, tai jätä se tyhjäksi kaikilla kielillä.
audit-action-accessibility-updated = Saavutettavuusselostetta muokattiin

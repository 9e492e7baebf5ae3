# Avainten vaihto: edistymissivu, palvelujen jäsenyydet, oman avaimen vaihto.
staff-rotation = Avainten vaihto
staff-members = Jäsenyydet
staff-replace-key = Vaihda avaimeni
staff-replace-key-hint = Luo sinulle uuden yksityisen avaimen, joka lukitaan salasanallasi. Kaikki palveluissasi vanhalle avaimellesi salattu salataan sitten uudelleen uudelle avaimelle taustalla; muut istuntosi päättyvät. Käytä tätä, jos avaimesi on voinut paljastua.
rotation-title = Avainten vaihto
rotation-intro = Avainten vaihto salaa palvelun jokaisen kohteen uudelleen niille avaimille, jotka palvelulla nyt on. Kohteet avataan käytössä olevalla avaimella ja kirjoitetaan takaisin yksi kerrallaan, joten keskeytynyt työ ei hukkaa mitään.
rotation-none = Avaimia ei ole vielä vaihdettu.
rotation-caption = Avainten vaihdot, uusin ensin
rotation-kind = Syy
rotation-state = Tila
rotation-progress = Käsitellyt kohteet
rotation-unreadable = Ei voitu avata
rotation-check = Lopputarkistus
rotation-check-result = { $passed ->
    [one] 1 kohde kunnossa
   *[other] { $passed } kohdetta kunnossa
}, { $failed ->
    [one] 1 virheellinen
   *[other] { $failed } virheellistä
}
rotation-resume = Jatka avaimellani
rotation-running = Työ on käynnissä. Lataa sivu uudelleen nähdäksesi edistymisen.
rotation-reload = Lataa sivu uudelleen
rotation-unreadable-hint = Kohteet, joita mikään käytössä oleva avain ei avannut, jäävät ennalleen. Ylläpitäjä voi salata ne uudelleen komentoriviltä organisaation palautusavaimella: suoja rotate --identity TIEDOSTO.
rotation-kind-reseal = Komentorivi
rotation-kind-own-key = Työntekijä vaihtoi avaimensa
rotation-kind-membership = Jäsen poistui palvelusta
rotation-state-running = Käynnissä
rotation-state-done = Valmis
rotation-state-incomplete = Valmis, osaa kohteista ei avattu
rotation-state-failed = Tarkistus epäonnistui
rotation-state-superseded = Korvattu uudemmalla työllä
members-title = Palvelujen jäsenyydet
members-intro = Kuka työskentelee missäkin palvelussa. Kun poistat henkilön, uusia kohteita ei enää salata hänen avaimelleen, ja palvelun aiemmat kohteet salataan uudelleen ilman sitä käyttäen sinun avaintasi ja palvelun nyt kirjautuneiden jäsenten avaimia.
members-none = Ei jäseniä.
members-remove = Poista { $name } palvelusta { $service }

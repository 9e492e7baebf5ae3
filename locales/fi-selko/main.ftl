# Status: draft, needs review by a native speaker
# Selkosuomi (plain Finnish, selkokieli). Staff-only messages are copied from locales/fi/ unchanged.
site-name = suoja
skip-to-content = Siirry sivun sisältöön
language-nav = Kieli
quick-exit = Poistu nopeasti
footer-privacy = Me emme tallenna laitteesi verkko-osoitetta. Me emme tallenna tietoja selaimestasi. Me salaamme viestisi. Vain valitsemasi palvelun työntekijät voivat avata sen. Lisäksi järjestöllä on varmuusavain. Sekin avaa viestin.
title-with-error = Virhe: { $title }

landing-title = Ota yhteyttä ilman nimeä
landing-intro = Voit ottaa yhteyttä tukipalveluun ilman nimeä. Et tarvitse käyttäjätunnusta. Valitse ensin palvelu alta. Kun lähetät viestin, saat kuittikoodin. Kuittikoodi on sinun oma salainen koodisi. Koodilla voit palata tänne ja lukea vastaukset.
landing-services = Palvelut
landing-return = Oletko jo lähettänyt meille viestin?
landing-check-link = Lue vastaukset kuittikoodilla

contact-title = Ota yhteyttä: { $service }
contact-anonymous = Sinun ei tarvitse kertoa nimeäsi. Sinun ei tarvitse kertoa puhelinnumeroa tai sähköpostiosoitetta. Vain viesti on pakollinen. Muut kohdat voit jättää tyhjiksi.
contact-send = Lähetä viesti
field-topic = Aihe
field-message = Viestisi
field-message-hint = Kirjoita, mitä haluat kertoa tai kysyä. Vain tämän palvelun työntekijät voivat lukea viestin.
field-name-optional = Millä nimellä kutsumme sinua? Voit jättää tämän tyhjäksi.
field-name = Nimi, jolla kutsumme sinua
field-name-hint = Voit keksiä minkä tahansa nimen. Sen ei tarvitse olla oikea nimesi.
field-way = Miten vastaamme sinulle?
way-none = Älä ota minuun yhteyttä. Tulen itse takaisin kuittikoodin kanssa, jos haluan.
way-reply_here = Vastaa tänne. Luen vastauksen kuittikoodilla.
way-phone = Puhelimella
way-email = Sähköpostilla
field-detail = Puhelinnumero tai sähköpostiosoite
field-detail-hint = Kirjoita tähän vain, jos valitsit puhelimen tai sähköpostin. Muuten jätä tämä tyhjäksi.

topic-general = Yleinen asia
topic-crisis = Kriisi tai suuri huoli nyt
topic-relationships = Ihmissuhteet
topic-sexuality = Seksuaalisuus
topic-gender = Sukupuoli ja identiteetti
topic-mental-health = Mielenterveys
topic-housing = Asuminen
topic-host = Haluan majoittaa ihmisen kotiini
topic-guest = Etsin kotia
topic-relatives = Läheisille
topic-other = Jokin muu asia

error-summary = Korjaa nämä kohdat
error-topic = Valitse aihe listasta.
error-message-empty = Kirjoita viesti. Lähetä se sitten.
error-thread-full-client = Tämä keskustelu on liian pitkä. Siihen ei mahdu enää uusia viestejä. Tekstisi on vielä tässä. Kopioi teksti. Lähetä se sitten uutena viestinä.
error-thread-full-staff = Tämä tapaus on saavuttanut enimmäispituutensa, eikä siihen voi lisätä enempää. Tekstisi on yhä tallessa.
error-message-long = Viesti on liian pitkä. Viestissä saa olla korkeintaan 10 000 merkkiä. Lyhennä viestiä.
error-name-long = Nimi on liian pitkä. Nimessä saa olla korkeintaan 100 merkkiä. Kirjoita nimi yhdelle riville.
error-detail-unused = Kirjoitit puhelinnumeron tai sähköpostiosoitteen. Valitse silloin ylhäältä puhelin tai sähköposti. Voit myös poistaa numeron tai osoitteen.
error-phone = Kirjoita puhelinnumero. Numerossa pitää olla 5–20 numeroa.
error-email = Kirjoita sähköpostiosoite näin: nimi@esimerkki.fi
error-way = Valitse, miten vastaamme sinulle.
notice-too-fast = Lähetit lomakkeen hyvin nopeasti. Tarkista viestisi. Lähetä se sitten uudelleen.
notice-expired = Lomake oli liian vanha. Tekstisi on vielä tässä. Lähetä se uudelleen.
notice-expired-receipt = Lomake oli liian vanha. Kirjoita kuittikoodi uudelleen.
notice-too-many = Sinun verkostasi tuli juuri liian monta viestiä. Tekstisi on vielä tässä. Odota vähän aikaa. Yritä sitten uudelleen.

receipt-title = Viestisi on lähetetty
receipt-sent-to = Lähetimme viestisi turvallisesti palveluun { $service }.
receipt-code = Kuittikoodisi
receipt-write-down = Kirjoita koodi nyt paperille. Voit myös tallentaa sen turvalliseen paikkaan. Tarvitset koodia, kun haluat lukea vastaukset.
receipt-no-recovery = Me emme voi näyttää koodia sinulle uudelleen. Me emme tiedä koodiasi. Säilytä koodi siis hyvin.
receipt-check-link = Katso viestisi ja vastaukset

check-title = Katso viestisi ja vastaukset
check-intro = Kirjoita kuittikoodisi. Sait koodin, kun lähetit viestin.
check-receipt = Kuittikoodi
check-receipt-hint = Koodissa on 16 kirjainta ja numeroa. Esimerkki: ABCD-EFGH-JKMN-PQRS. Viivat ja välilyönnit eivät haittaa.
check-submit = Näytä viestini
check-service = Palvelu
check-opened = Lähetit viestin
check-status = Tilanne
check-thread = Viestit
check-leave = Kun olet valmis, sulje tämä sivu. Tarvitset koodin, jos haluat nähdä viestit uudelleen.
thread-you = Sinä
thread-counsellor = Työntekijä
error-receipt-format = Kuittikoodissa on 16 kirjainta ja numeroa. Tarkista koodi. Yritä sitten uudelleen.
error-receipt-unknown = Tällä koodilla ei löydy viestiä. Tarkista koodi. Yritä sitten uudelleen.

status-new = Viesti on perillä. Se odottaa työntekijää.
status-in_progress = Työntekijä hoitaa asiaasi.
status-waiting = Olemme vastanneet sinulle.
status-closed = Asia on päättynyt.

error-not-found = Sivua ei löydy
error-not-found-text = Etsimääsi sivua ei ole.
error-too-many = Liian monta viestiä
error-too-many-text = Sinun verkostasi tuli juuri liian monta viestiä. Odota vähän aikaa. Yritä sitten uudelleen.
error-too-large = Viesti on liian suuri
error-too-large-text = Lähetit liian paljon tekstiä. Palaa edelliselle sivulle. Lyhennä tekstiä. Lähetä se sitten uudelleen.
error-bad-request = Emme voineet lukea lomaketta
error-bad-request-text = Palaa edelliselle sivulle. Lähetä lomake uudelleen.
error-internal = Jokin meni vikaan
error-internal-text = Emme voineet hoitaa pyyntöäsi. Me emme tallentaneet mitään. Odota hetki. Yritä sitten uudelleen.
error-id = Voit kysyä palvelulta tästä virheestä. Kerro silloin tämä koodi:
error-home = Mene etusivulle
thread-counsellor-named = Työntekijä { $name }
check-new-reply = Sait uuden vastauksen. Se tuli sen jälkeen, kun kävit täällä viimeksi.
check-write = Kirjoita vastaus
check-write-hint = Vain tämän palvelun työntekijät voivat lukea viestisi. Näet heidän vastauksensa täällä kuittikoodilla.
check-sent = Viestisi on lähetetty.
check-resend-hint = Emme vielä lähettäneet viestiäsi. Viesti on tallessa tässä. Odota hetki. Lähetä se sitten uudelleen.

## Palvelun vastauskielet
answers-notice = Tämä palvelu vastaa näillä kielillä: { $languages }. Voit silti kirjoittaa omalla kielelläsi.
answers-others = Nämä palvelut vastaavat sinun kielelläsi:
language-fi = suomi
language-sv = ruotsi
language-en = englanti
language-ar = arabia
language-fa = persia (dari)
language-ckb = kurdi (sorani)
language-so = somali
language-uk = ukraina
language-ru = venäjä

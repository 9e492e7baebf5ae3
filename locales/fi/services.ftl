# Palvelut: ylläpitäjien luettelo ja lomakkeet.
staff-services = Palvelut
services-title = Palvelut
services-intro = Jokainen palvelu on asiakkaiden sisäänkäynti: sen nimi ja kuvaus kolmella kielellä, aiheet, joista asiakas valitsee, ja age-avaimet, joille asiakkaan kirjoittama sinetöidään (palvelun jäsenten ja varmuusavaimen lisäksi). Käytöstä poistettu palvelu piilotetaan asiakkailta; sen asiat säilyvät säilytysajan loppuun.
services-new = Luo palvelu
services-none = Palveluja ei vielä ole.
services-caption = Kaikki palvelut, avoimet ja käytöstä poistetut
services-col-name = Nimi
services-col-slug = Osoite
services-col-keys = Omat avaimet
services-col-retention = Säilytys
services-col-state = Tila
services-col-actions = Toiminnot
services-state-open = Avoinna asiakkaille
services-state-retired = Poistettu käytöstä
services-recipient-count = { $count ->
    [0] ei omia (vain jäsenet ja palautusavain)
    [one] yksi avain
   *[other] { $count } avainta
}
services-retention-summary = { $days ->
    [one] 1 päivä
   *[other] { $days } päivää
}; suljetut asiat { $closed ->
    [one] 1 päivä
   *[other] { $closed } päivää
}
services-edit = Muokkaa palvelua { $name }
services-retire = Poista { $name } käytöstä
services-restore = Avaa { $name } uudelleen
services-notice-created = Palvelu luotiin. Asiakkaat näkevät sen heti.
services-notice-updated = Muutokset tallennettiin.
services-notice-retired = Palvelu poistettiin käytöstä: asiakkaat eivät enää näe sitä.
services-notice-restored = Palvelu on taas avoinna asiakkaille.
services-new-title = Uusi palvelu
services-edit-title = Muokkaa palvelua { $name }
services-errors = Tarkista nämä:
services-slug-fixed = Osoite: /…/services/{ $slug } (ei muutu palvelun luomisen jälkeen).
services-recipients-warning = Jos muutat avaimia, uudet viestit sinetöidään heti uusille avaimille, ja avainkierto alkaa sinetöidä palvelun aiemmat viestit uudelleen nyt kirjautuneiden avaimilla. Viestit, joita ne eivät avaa, näkyvät avainkierron sivulla; viimeistele ne komentoriviltä komennolla suoja rotate ja palautusavaimella.
services-save = Tallenna muutokset
services-create = Luo palvelu
services-back = Takaisin palveluihin
services-field-slug = Osoite (tunniste)
services-field-name-fi = Nimi suomeksi
services-field-name-sv = Nimi ruotsiksi
services-field-name-en = Nimi englanniksi
services-field-description-fi = Kuvaus suomeksi
services-field-description-sv = Kuvaus ruotsiksi
services-field-description-en = Kuvaus englanniksi
services-field-topics = Aiheet
services-field-time-zone = Aikavyöhyke
services-field-retention-days = Säilytä kaikki asiat (päivää)
services-field-closed-retention-days = Säilytä suljetut asiat (päivää)
services-field-phone = Puhelinnumero (vapaaehtoinen)
services-field-recipients = Age-avaimet (vastaanottajat)
services-hint-slug = 1–40 merkkiä: a–z, 0–9 ja -. Osoite on osa palvelun verkko-osoitetta, eikä sitä voi myöhemmin muuttaa.
services-hint-topics = Yksi riviä kohden: yleinen aihe (general, crisis, relationships, sexuality, gender, mental-health, housing, host, guest, relatives, other) tai palvelun oma aihe muodossa: tunniste | suomeksi | ruotsiksi | englanniksi
services-hint-time-zone = IANA-aikavyöhykkeen nimi, esimerkiksi Europe/Helsinki tai Europe/Stockholm.
services-hint-retention-days = Päivää viimeisestä tapahtumasta, 1–3650.
services-hint-closed-retention-days = Päivää asian sulkemisesta, enintään yllä annettu määrä.
services-hint-phone = Näytetään asiakkaille, jotka varaavat ajan puhelulle, jonka te soitatte.
services-hint-recipients = Liitä age-vastaanottajatiedosto: yksi age1…-avain riviä kohden; #-merkillä alkavat rivit ovat kommentteja. Palvelun jäsenet ja palautusavain lisätään automaattisesti.
service-error-slug = Anna osoite, jossa on 1–40 merkkiä: a–z, 0–9 ja -.
service-error-slug-taken = Tällä osoitteella on jo palvelu: valitse toinen.
service-error-name = Anna nimi jokaisella kielellä (enintään 120 merkkiä).
service-error-description = Anna kuvaus jokaisella kielellä (enintään 2 000 merkkiä).
service-error-topics = Luettele 1–30 aihetta, yksi riviä kohden.
service-error-topic-unknown = Yksinään rivillä olevan aiheen on oltava yleinen aihe; anna oma aihe muodossa tunniste | suomeksi | ruotsiksi | englanniksi.
service-error-topic-line = Kirjoita oma aihe muodossa tunniste | suomeksi | ruotsiksi | englanniksi; tunnisteessa a–z, 0–9 ja -.
service-error-topic-twice = Sama aihe on luettelossa kahdesti.
service-error-time-zone = Tätä aikavyöhykettä ei tunneta: käytä IANA-nimeä, esimerkiksi Europe/Helsinki.
service-error-days = Anna päivien määrä kokonaislukuna väliltä 1–3650.
service-error-closed-longer = Suljettuja asioita ei voi säilyttää pidempään kuin kaikkia asioita.
service-error-phone = Anna puhelinnumero: 5–20 numeroa; välilyönnit ja + - ( ) sallittuja.
service-error-recipient = Jokin rivi ei ole age X25519 -vastaanottaja (age1…).
service-error-recipients-many = Enintään 100 avainta.
service-error-no-reader = Kukaan ei voisi lukea tämän palvelun viestejä: anna ainakin yksi avain (palautusavainta ei ole määritetty).
audit-action-service-created = Loi palvelun
audit-action-service-updated = Muutti palvelua
audit-action-service-retired = Poisti palvelun käytöstä
audit-action-service-restored = Avasi palvelun uudelleen
rotation-kind-recipients = Palvelun avaimet muuttuivat
services-notice-not-confirmed = Palvelua ei poistettu käytöstä: vahvista valitsemalla ”Olen varma”.

## The client languages (a list under the services)
languages-heading = Asiakassivujen kielet
languages-intro = Asiakassivut ovat olemassa kaikilla näillä kielillä, henkilökunnan sivut suomeksi, ruotsiksi ja englanniksi. Luonnosvaiheen käännöksen tarkistaa äidinkielinen puhuja: lähdekoodin TRANSLATING.md kertoo miten. Palvelujen nimet ja kuvaukset kirjoitetaan suomeksi, ruotsiksi ja englanniksi; muunkieliset sivut näyttävät englanninkieliset.
languages-col-language = Kieli
languages-col-code = Osoitteessa
languages-col-status = Tila
languages-col-coverage = Käännetty
languages-status-reviewed = Tarkistettu
languages-status-draft = Luonnos, odottaa äidinkielisen puhujan tarkistusta
languages-status-missing = Ei vielä käännetty: ei tarjolla asiakkaille
languages-coverage = { $have } / { $all } viestiä

## Palvelun kielet
services-answers = Kielet, joilla päivystäjät vastaavat
services-answers-hint = Jos asiakas kirjoittaa muunkielisellä sivulla, hänelle kerrotaan tästä ennen kirjoittamista ja näytetään palvelut, jotka vastaavat hänen kielellään. Jos mitään ei ole valittu: suomi, ruotsi ja englanti.
services-translations = Nimi ja kuvaus muilla kielillä
services-translations-hint = Vapaaehtoinen. Anna nimi ja kuvaus yhdessä. Jos ne puuttuvat, selkosuomen sivuilla näkyy suomenkielinen teksti, lättläst-sivuilla ruotsinkielinen ja muilla sivuilla englanninkielinen.
services-field-name-in = Nimi: { $language }
services-field-description-in = Kuvaus: { $language }
service-error-translation-name = Anna nimi myös tällä kielellä tai jätä sen kuvaus tyhjäksi.
service-error-translation-description = Anna kuvaus myös tällä kielellä tai jätä sen nimi tyhjäksi.
language-name-fi = suomi
language-name-sv = ruotsi
language-name-en = englanti
language-name-fi-selko = selkosuomi
language-name-sv-lattlast = helppo ruotsi (lättläst)
language-name-ar = arabia
language-name-fa = persia (dari)
language-name-ckb = kurdi (sorani)
language-name-so = somali
language-name-uk = ukraina
language-name-ru = venäjä

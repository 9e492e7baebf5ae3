# Status: draft, needs review by a native speaker

# Sheekaysiga tooska ah: bogagga macmiilka.
chat-offer-heading = Hadda nala sheekayso
chat-open = Lataliye ayaa hadda kula sheekaysan kara, qoraal ahaan. Uma baahnid akoon ama magac.
chat-closed = Sheekaysigu hadda waa xiran yahay.
chat-closed-next = Sheekaysigu hadda waa xiran yahay. Wuxuu furmayaa marka xigta: { $when }.
chat-no-one = Sheekaysigu waa furan yahay, laakiin hadda ma jiro lataliye bannaan. Wax yar kadib isku day mar kale, ama hoos ku qor fariin.
chat-full = Safka sheekaysigu hadda waa buuxaa. Mar dambe isku day, ama hoos ku qor fariin: qoraal ahaan ayaan kuugu jawaabi doonnaa.
chat-closed-now = Sheekaysigu ma bilaabmin: waa xiran yahay, ama hadda cidna shaqo kuma jirto.
chat-name = Maxaan kuugu yeernaa? (haddii aad rabto)
chat-name-hint = Magac kasta waa la aqbalayaa. Meeshan waad ka tagi kartaa iyadoo bannaan.
chat-start = Bilow sheekaysiga
chat-or-write = Ama qor fariin
chat-title = Sheekaysi – { $service }
chat-receipt-hint = Kani waa rasiidkaaga. Hadda qor: hal mar oo keliya ayaa la tusayaa. Waxaad ku akhrin kartaa wadahadalkan iyo jawaabaha dambe. Sidoo kale waad noogu soo qori kartaa.
chat-status-next = Adiga ayaa xiga safka.
chat-status-ahead = { $ahead ->
    [one] Hal qof ayaa safka kaa horreeya.
   *[other] { $ahead } qof ayaa safka kaa horreeya.
}
chat-status-usually = Badanaa waxay qaadataa wax ka yar { $minutes ->
    [one] { $minutes } daqiiqo.
   *[other] { $minutes } daqiiqo.
}
chat-status-with = Waxaad la sheekaysanaysaa { $name }.
chat-status-active = Lataliye ayaa kula sheekaysanaya.
chat-waiting-hint = Inta aad sugayso waad qori kartaa: lataliyuhu wuu akhrinayaa marka sheekaysigu bilaabmo. Haddii boggani aanu iskiis isu cusboonaysiin, mar walba riix "Eeg fariimo cusub", si aan u ogaanno inaad weli joogto.
chat-conversation = Wadahadalka
chat-empty = Weli fariin ma jirto.
chat-your-message = Fariintaada
chat-message-hint = Si aad u dirto, riix "Dir". Waxa aad qorto waa la qufulaa ka hor inta aan la kaydin.
chat-send = Dir
chat-check = Eeg fariimo cusub
chat-sending = Waa la dirayaa…
chat-connection-lost = Xiriirkii wuu go'ay. Fariintaadu weli halkan ayay taal. Isku day inaad mar kale dirto.
chat-too-fast = Fariimaha si aad u degdeg ah ayaad u diraysaa. Wax yar sug, kadibna mar kale dir. Fariintaadu weli halkan ayay taal.
chat-to-written = Ka bax safka oo hel jawaab qoraal ah
chat-end = Dhammee sheekaysiga
chat-you = Adiga
chat-counsellor = Lataliye
chat-ended-title = Sheekaysigu wuu dhammaaday
chat-ended = Sheekaysigu wuu dhammaaday.
chat-ended-by-counsellor = Lataliyaha ayaa dhammeeyay sheekaysiga.
chat-ended-gone = Sheekaysigu wuu dhammaaday, sababtoo ah muddo kaama aanan maqlin.
chat-ended-read-later = Mar dambe waxaad wadahadalka ku akhrin kartaa rasiidkaaga. Sidoo kale waad noogu soo qori kartaa mar kale.
chat-ended-not-kept = Adeeggan ma kaydiyo wadahadallada sheekaysiga, sidaa darteed wadahadalkan mar kale lama akhrin karo. Rasiidkaaga weli waad ku soo qori kartaa.
chat-written-title = Fariintaada waa la diray
chat-written = { $service } qoraal ahaan ayay kuugu jawaabi doontaa. Jawaabta ku akhri rasiidkaaga.
chat-not-started-title = Sheekaysigu ma bilaabmin
chat-none-title = Ma jiro sheekaysi furan
chat-none = Biraawsarkan kuma jiro sheekaysi furan. Waxaa laga yaabaa inuu dhammaaday, ama biraawsarku wuu ilaaway.
chat-draft-kept = Qoraalkii aad qortay (koobiyee si uusan kaaga lumin)
chat-link-check = Jawaabaha ku akhri rasiidkaaga
chat-link-services = Dhammaan adeegyada
chat-link-service = Ku noqo { $service }
kind-chat = Sheekaysi
topic-chat = Sheekaysi

# Dhinaca lataliyaha.
staff-chat = Sheekaysi
chat-console-title = Sheekaysi
chat-duty = Shaqada sheekaysiga
chat-duty-services = Waxaan shaqo ku jiraa sheekaysiga adeegyadan
chat-duty-no-services = Adeegna xubin kama tihid.
chat-duty-capacity = Immisa sheekaysi ayaan hal mar qaadanayaa
chat-duty-save = Kaydi shaqadayda
chat-mine = Sheekaysiyadayda
chat-mine-none = Ma lihid sheekaysi furan.
chat-waiting = Sugaya
chat-waiting-none = Qofna ma sugayo.
chat-not-on-duty = Shaqada sheekaysiga kuma jirtid. Kor ka dooro adeegyadaada si aad u aragto safkooda.
chat-waited = { $minutes ->
    [one] sugitaan: { $minutes } daqiiqo
   *[other] sugitaan: { $minutes } daqiiqo
}
chat-gone = ma baxay?
chat-take-next = Qaado macmiilka xiga
chat-anonymous = Magac la'aan
chat-console-done-duty = Shaqadaada waa la kaydiyay.
chat-console-done-none-waiting = Ma jiro qof sugaya oo la qaadan karo.
chat-console-done-full = Waxaad horey u haysaa inta sheekaysi ee aad hal mar qaadato.
chat-console-done-taken-by-other = Qof kale ayaa qaatay macmiilkaas.
chat-console-done-ended = Sheekaysiga waa la dhammeeyay.
chat-console-done-handed = Sheekaysiga waa la wareejiyay.
chat-staff-title = Sheekaysi: { $name }
chat-back-to-console = Ku noqo bogga sheekaysiga
chat-open-case = Fur kiiska
chat-client = Macmiil
chat-staff-active = Macmiilku waa joogaa.
chat-staff-gone = Macmiilka muddo lama maqal: waxaa laga yaabaa inuu baxay.
chat-staff-ended = Sheekaysigu wuu dhammaaday.
chat-staff-ended-client = Macmiilka ayaa dhammeeyay sheekaysiga.
chat-staff-ended-gone = Sheekaysigu wuu dhammaaday: macmiilku ma joogin.
chat-staff-ended-exit = Macmiilku wuxuu ku baxay badhanka bixitaanka degdegga ah.
chat-staff-handed = Sheekaysigan hadda wuxuu la jiraa lataliye kale.
chat-note = Qoraal gaar ah
chat-note-hint = Qoraallada waxaa akhrin kara oo keliya lataliyayaasha adeegga.
chat-note-save = Kaydi qoraalka
chat-note-by = Qoraal: { $name }
chat-hand-over-to = U wareeji sheekaysiga
chat-hand-over = Wareeji
chat-staff-end = Dhammee sheekaysiga
chat-error-ended = Sheekaysigu wuu dhammaaday; wax kale lama diri karo.
chat-error-hand-over = Sheekaysiga lama wareejin karin: dooro lataliye hadda shaqo ku jira.
chat-settings-heading = Saacadaha sheekaysiga
chat-settings-link = Saacadaha sheekaysiga: { $service }
chat-settings-title = Dejinta sheekaysiga – { $service }
chat-settings-hours = Saacadaha sheekaysiga
chat-settings-hours-hint = Waqtiga adeegga, sida HH:MM (24:00 waa saqda dhexe). Maalin bannaan ka tag haddii sheekaysi uusan jirin maalintaas.
chat-settings-from = Laga bilaabo
chat-settings-until = Ilaa
chat-settings-queue-max = Immisa qof ayaa safka ku sugi kara
chat-settings-keep = Kaydi wadahadalka marka sheekaysigu dhammaado kadib
chat-settings-keep-hint = Haddii aan la kaydin, fariimaha waa la tirtirayaa marka sheekaysigu dhammaado; kiiska iyo rasiidka macmiilku way sii jiraan.
chat-settings-save = Kaydi
chat-settings-saved = Dejinta sheekaysiga waa la kaydiyay.
chat-settings-error-hours = { $day }: labada waqti u qor sida HH:MM, bilowgu ha ka horreeyo dhammaadka.
chat-settings-error-queue = Cabbirka safka u qor tiro u dhexeysa 1 iyo 1000.
audit-action-chat-take = Qaatay sheekaysi
audit-action-chat-end = Dhammeeyay sheekaysi
audit-action-chat-hand-over = Wareejiyay sheekaysi
audit-action-chat-settings = Beddelay dejinta sheekaysiga

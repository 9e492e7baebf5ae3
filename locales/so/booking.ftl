# Status: draft, needs review by a native speaker

## Ballan: macaamiisha

booking-link = Ma doorbidaysaa inaad waqti u qabsato wicitaan, ama inaad ku biirto koox? Halkan ka qabso.
booking-title = Qabso waqti: { $service }
booking-intro = Dooro waqti bannaan ama koox. Uma baahnid inaad magacaaga sheegto. Waxa aad halkan ku qorto waa la qufulaa. Waxaa akhrin kara oo keliya lataliyayaasha adeeggan.
booking-zone-note = Waqtiyadu waa waqtiga maxalliga ah ({ $city }).
booking-zone-note-finland = Waqtiyadu waa waqtiga Finland.
booking-zone-note-utc = Waqtiyadu waa waqtiga UTC.
booking-choose = Waqtiga
booking-times = Waqtiyada wicitaanka
booking-choose-group = Kooxda
booking-none-free = Hadda ma jiraan waqtiyo bannaan oo la qabsan karo.
booking-none-free-title = Hadda ma jiraan waqtiyo ama kooxo bannaan
booking-none-free-later = Lataliyayaashu waqtiyo iyo kooxo cusub ayay boggan ku soo daraan. Fadlan dib u eeg dhowr maalmood kadib.
booking-none-free-write = Hadda sidoo kale waad noo qori kartaa: dir fariin
booking-groups = Kooxaha
booking-seats-free = { $label } ({ $n ->
    [one] { $n } boos oo bannaan
   *[other] { $n } boos oo bannaan
})
booking-group-detail = { $meetings ->
    [one] { $meetings } kulan
   *[other] { $meetings } kulan
}, { $first } – { $last }, { $free ->
    [one] { $free } boos oo bannaan
   *[other] { $free } boos oo bannaan
}
booking-group-meetings = Kulamada
booking-group-name-hint = Magaca aad rabto in kooxda laguugu yeero. Magac kasta waa la aqbalayaa. Uma baahna inuu noqdo magacaaga dhabta ah.
booking-group-submit = Ku biir kooxda
booking-call = Yaa wacaya
booking-call-we_call = Annaga ayaa ku soo wacayna
booking-call-you_call = Adiga ayaa na soo wacaya
booking-line-number = Lambarka khadkayaga: { $phone }
booking-phone = Lambarka taleefankaaga (haddii aan ku soo wacno)
booking-phone-hint = Waxaa arki kara oo keliya lataliyayaasha. Meeshan bannaan ka tag haddii adigu na soo wacayso.
booking-topic = Mawduuca (haddii aad rabto)
booking-topic-none = Mawduuc la'aan
booking-submit = Qabso waqtigan
booking-taken = Waan ka xunnahay, qof kale ayaa hadda qaatay waqtigaas. Fadlan dooro waqti kale. Wixii kale ee aad qortay waa la hayaa.
booking-group-full = Waan ka xunnahay, booskii ugu dambeeyay ee kooxdaas hadda waa la qaatay. Fadlan dooro koox kale ama waqti. Wixii kale ee aad qortay waa la hayaa.
booking-error-choice = Dooro waqti.
booking-error-group = Dooro koox.
booking-error-call = Dooro cidda wacaysa.
booking-error-phone = Qor lambar aan ku soo wici karno (tirooyin, meelo bannaan iyo + - ( ) keliya). Ama dooro in adigu na soo wacayso.
booking-error-phone-unused = Waxaad dooratay inaad adigu na soo wacdo. Markaa lambarka taleefanka bannaan ka tag.
booking-booked-title = Waqtigaaga waa la qabsaday
booking-booked-at = Ballantaada { $service } waa la kaydiyay.
booking-group-booked-title = Boos ayaad ku leedahay kooxda
booking-group-booked-at = Isdiiwaangelintaada kooxda { $group } ({ $service }) waa la kaydiyay.
booking-time = Waqtiga
booking-line = Lambarka khadka
booking-we-call-you-at = Waxaan kugu soo wacaynaa { $phone }
booking-you-call-us = Adiga ayaa na soo wacaya
booking-receipt-use = Koodhkan waxaad ku arki kartaa ballantaada. Waad u wareejin kartaa waqti kale, ama waad baajin kartaa. Sidoo kale waxaad ku akhrin kartaa fariimahayaga.
booking-group-receipt-use = Koodhkan waxaad ku arki kartaa isdiiwaangelintaada iyo kulamada kooxda. Waad baajin kartaa booskaaga, waxaadna akhrin kartaa fariimahayaga.
booking-manage-open = Eeg, wareeji ama baaji ballanta
booking-manage-title = Ballantaada
booking-group-manage-title = Booskaaga kooxda
booking-group = Kooxda
booking-state-booked = La qabsaday
booking-state-cancelled = La baajiyay
booking-state-moved = La wareejiyay
booking-state-done = Waa dhacday
booking-state-no_show = Lama iman
booking-group-state-booked = Waa la diiwaangeliyay
booking-not-current = Ballantan hadda lama beddeli karo.
booking-move = U wareeji waqti kale
booking-move-submit = Wareeji ballanta
booking-cancel = Baaji ballanta
booking-cancel-hint = Waqtiga waxaa loo furayaa qof kale. Fariimahaagu way sii jiri doonaan.
booking-cancel-submit = Baaji ballanta
booking-group-cancel = Baaji booskaaga
booking-group-cancel-hint = Booskaaga waxaa loo furayaa qof kale. Fariimahaagu way sii jiri doonaan.
booking-group-cancel-submit = Baaji booskayga
booking-cancelled-notice = Ballantaada waa la baajiyay.
booking-group-cancelled-notice = Booskaaga kooxda waa la baajiyay.
booking-moved-notice = Ballantaada waa la wareejiyay.
booking-back-to-thread = Ku noqo fariimahaaga
booking-doc-moved = Ballanta waxaa loo wareejiyay { $when }.
booking-doc-cancelled = Ballanta waa la baajiyay.
booking-line-we_call-client = Waqtigaaga: { $when }. Annaga ayaa ku soo wacayna.
booking-line-you_call-client = Waqtigaaga: { $when }. Adiga ayaa na soo wacaya.
booking-line-we_call-staff = Waqtiga la qabsaday: { $when }. Annaga ayaa macmiilka wacayna.
booking-line-you_call-staff = Waqtiga la qabsaday: { $when }. Macmiilka ayaa na soo wacaya.
booking-line-group-client = Boos ayaad ku leedahay kooxda { $group }. Kulanka ugu horreeya waa { $first }, kan ugu dambeeyana waa { $last }.
booking-line-group-staff = Boos kooxda { $group }. Kulanka ugu horreeya waa { $first }, kan ugu dambeeyana waa { $last }.
booking-weekday-1 = Isniin
booking-weekday-2 = Talaado
booking-weekday-3 = Arbaco
booking-weekday-4 = Khamiis
booking-weekday-5 = Jimco
booking-weekday-6 = Sabti
booking-weekday-7 = Axad

## Ballan: shaqaalaha

kind-booking = Ballan
staff-availability = Waqtiyada bannaan
avail-title = Waqtiyada bannaan iyo kooxaha
avail-slots = Waqtiyada la daabacay
avail-slots-caption = Waqtiyo gaar ah, laga bilaabo hadda
avail-none = Waxba lama daabicin.
avail-when = Waqtiga
avail-seats = Boosaska la qaatay
avail-actions = Falal
avail-remove = Ka saar
avail-booked = La qabsaday
avail-groups = Kooxaha
avail-oneoff = Daabac hal waqti
avail-weekly = Daabac saacadaha shaqada ee toddobaad kasta
avail-group = Daabac koox
avail-date = Maalinta
avail-start = Bilowga
avail-until = Dhammaadka
avail-minutes = Mudada (daqiiqado)
avail-slot-minutes = Mudada hal waqti (daqiiqado)
avail-capacity = Boosas
avail-weekday = Maalinta toddobaadka
avail-from-day = Laga bilaabo maalintan (bannaan: maanta)
avail-weeks = Immisa toddobaad
avail-name-fi = Magaca af-Finnishka
avail-name-sv = Magaca af-Iswiidhishka
avail-name-en = Magaca af-Ingiriisiga
avail-first-meeting = Maalinta kulanka koowaad
avail-meetings = Tirada kulamada
avail-every-days = Maalmaha u dhexeeya kulamada
avail-publish = Daabac
avail-done-published = Waa la daabacay.
avail-done-removed = Waqtiga waa la saaray.
avail-error-service = Dooro mid ka mid ah adeegyadaada.
avail-error-date = Maalinta u qor sida YYYY-MM-DD.
avail-error-time = Waqtiga u qor sida HH:MM.
avail-error-weekday = Dooro maalinta toddobaadka.
avail-error-minutes = Mudadu waa inay ahaato 5 ilaa 600 daqiiqo.
avail-error-capacity = Boosasku waa inay ahaadaan 1 ilaa 500.
avail-error-weeks = Toddobaadyadu waa inay ahaadaan 1 ilaa 52.
avail-error-meetings = Kulamadu waa inay ahaadaan 1 ilaa 52.
avail-error-every = Maalmaha u dhexeeya kulamadu waa inay ahaadaan 1 ilaa 366.
avail-error-until = Saacadaha shaqadu waa inay dhammaadaan kadib markay bilaabmaan.
avail-error-no-slots = Saacadahan shaqo wax waqti ah oo mustaqbalka ah kama dhashaan.
avail-error-no-such-time = Waqtigaas ma jiro, ama laba jeer ayuu dhacayaa maalintaas (beddelka saacadda). Dooro waqti kale.
avail-error-past = Waqtigaas wuu dhaafay.
avail-error-group-name = Kooxda sii magac saddexda luqadoodba (ugu badnaan 100 xaraf).
avail-error-raced = Qof ayaa hadda qabsaday waqtigan, sidaa darteed waxba lama saarin. Mar kale isku day.
avail-error-confirm = Waxba lama saarin: waqtigan waa la qabsaday, saaristiisuna ballanta way baajinaysaa. Si aad u saarto, calaamadee "Waan hubaa".
avail-error-unreadable = Ballanta waqtigan waxaa la sameeyay ka hor intaadan furi karin kiiskeeda, sidaa darteed macmiilka looma sheegi karin. Waxba lama beddelin: weydii saaxiib shaqo oo furi kara.
avail-remove-booked = Ka saar oo baaji ballamaha
avail-done-removed-booked = Waqtiga waa la saaray. Ballamihiisa waa la baajiyay, macmiil kastana fariin ayuu ka helay.
avail-doc-removed = Waan ka xunnahay, waxaan baajinay ballantaada ee { $when }: waqtigaas hadda lama heli karo. Fadlan qabso waqti kale, ama halkan noogu soo qor.
booking-weekday-long-1 = Isniin
booking-weekday-long-2 = Talaado
booking-weekday-long-3 = Arbaco
booking-weekday-long-4 = Khamiis
booking-weekday-long-5 = Jimco
booking-weekday-long-6 = Sabti
booking-weekday-long-7 = Axad

## Ballan: jadwalka lataliyaha

staff-schedule = Jadwalka
schedule-title = Jadwalka
schedule-nav = Ku dhex soco jadwalka
schedule-previous = Ka hor
schedule-next = Kadib
schedule-day = Hal maalin
schedule-week = Toddobaadka oo dhan
schedule-go-to = Maalinta
schedule-show = Tus
schedule-week-of = Toddobaadka { $first } – { $last }
schedule-none = Ballan ma jiro waqtigan.
schedule-call-we_call = Annaga ayaa macmiilka wacayna
schedule-call-you_call = Macmiilka ayaa na soo wacaya
schedule-phone = Lambarka taleefanka macmiilka
schedule-details = Faahfaahin
schedule-open-case = Fur kiiska
schedule-mark-done = Calaamadee: waa dhacday
schedule-mark-no-show = Calaamadee: lama iman
schedule-cancel-message = Fariin macmiilka loogu sheegayo baajinta
schedule-cancel-hint = Macmiilku wuxuu ku akhrinayaa koodhka rasiidka. Waqtiga waxaa loo furayaa qof kale.
schedule-cancel-submit = Baaji ballanta oo dir fariinta
schedule-done-outcome = Ballanta waa la calaamadeeyay.
schedule-done-cancelled = Ballanta waa la baajiyay, fariintaaduna waxay sugaysaa macmiilka.
schedule-not-current = Qof kale ayaa horey u beddelay ballantan, sidaa darteed waxba lama samayn.
schedule-unreadable = Ballantan waxaa la sameeyay ka hor intaadan furi karin kiiskeeda, sidaa darteed halkan fariin looguma diri karo macmiilka. Waxba lama samayn: weydii saaxiib shaqo oo furi kara.
schedule-error-summary = Ballanta lama baajin: marka hore fariin u qor macmiilka.
schedule-doc-cancelled = Waan ka xunnahay, waxaan baajinay ballantaada ee { $when }.

## Wicitaanada taleefanka

kind-phone = Wicitaan
staff-phone = Diiwaangeli wicitaan
phone-title = Diiwaangeli wicitaan taleefan
phone-intro = Diiwaangeli wicitaan adigoo ka wakiil ah qofka soo wacay. Waa la qufulaa sida codsi kasta. Kadib waxaad helaysaa koodh rasiid ah oo aad u akhrinayso qofka soo wacay, si qofku qoraal ahaan ugu sii wado.
phone-errors = Fadlan hubi waxyaabahan
phone-off-duty = Adeegyadaada midna hadda ma laha saacado shaqo oo socda, sidaa darteed wicitaan lama diiwaangelin karo. Wicitaannada waxaa la diiwaangeliyaa inta ay socdaan saacadaha shaqada toddobaadlaha ah ee adeegga, iyo ilaa { $minutes ->
    [one] { $minutes } daqiiqo
   *[other] { $minutes } daqiiqo
} kadib markay dhammaadaan.
phone-on-duty = Saacadaha shaqada ee hadda socda: { $services }.
phone-error-off-duty = Adeeggan hadda ma laha saacado shaqo oo socda, sidaa darteed wicitaanka lama diiwaangelin. Waxa aad qortay hoos ayay ku kaydsan yihiin.
phone-name = Magaca qofka soo wacay (haddii la sheegay)
phone-name-hint = Keliya haddii la sheegay: magaca qofku rabo in loogu yeero.
phone-text = Wicitaanku muxuu ku saabsanaa
phone-text-hint = Waa la qufulaa: waxaa akhrin kara oo keliya lataliyayaasha adeegga, iyo qofka soo wacay haddii uu haysto koodhka.
phone-submit = Kaydi oo tus koodhka
phone-receipt-title = Koodhkan u akhri qofka soo wacay
phone-saved = Wicitaanka waxaa loo kaydiyay kiis ka mid ah { $service }.
phone-read-out = Koodhka si tartiib ah u akhri, afar xaraf mar kasta. Koodhkaas qofka soo wacay wuxuu ku akhrin karaa jawaabahayaga, wuxuuna noogu qori karaa bogga lagu soo laabto koodhka.
phone-shown-once = Koodhka waxaa la tusayaa hal mar oo keliya. Meelna laguma kaydiyo, mar kalena lama tusi karo.
phone-again = Diiwaangeli wicitaan kale
thread-phone-by = Wicitaankaaga taleefanka. Waxaa qoray: { $name }
case-phone-by = Wicitaan taleefan. Waxaa qoray: { $name }
avail-edit = Beddel
avail-edit-title = Beddel waqti
avail-edit-now = Hadda: { $when }
avail-edit-booked = { $count ->
    [one] Hal qof ayaa qabsaday waqtigan. Haddii aad beddesho waqtiga, ballantaas waa la baajinayaa, qofkuna wuxuu helayaa fariin leh waqtiga cusub.
   *[other] { $count } qof ayaa qabsaday waqtigan. Haddii aad beddesho waqtiga, ballamahooda waa la baajinayaa, qof kastana wuxuu helayaa fariin leh waqtiga cusub.
}
avail-edit-save = Kaydi beddelka
avail-edit-back = Ku noqo waqtiyada bannaan
avail-done-edited = Waqtiga waa la beddelay.
avail-done-edited-booked = Waqtiga waa la beddelay. Ballamihiisa waa la baajiyay, macmiil kastana wuxuu helay fariin leh waqtiga cusub.
avail-error-below-taken = Boosasku kama yaraan karaan inta horey loo qabsaday.
avail-doc-changed = Waan ka xunnahay, waxaan baajinay ballantaada ee { $when }: waqtiga waxaa loo beddelay { $new }. Waxaad qabsan kartaa waqtiga cusub ama waqti kale, ama halkan noogu soo qor.
schedule-error-confirm = Si aad u baajiso ballanta, calaamadee "Waan hubaa".

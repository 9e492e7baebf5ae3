# Status: draft, needs review by a native speaker

site-name = suoja
skip-to-content = U gudub qoraalka bogga
language-nav = Luqadda
quick-exit = Si degdeg ah uga bax bogga
footer-privacy = Ma kaydino cinwaankaaga ama xogta biraawsarkaaga. Waxa aad qorto waa la qufulaa. Waxaa furi kara oo keliya lataliyayaasha adeegga aad dooratay iyo furaha kaydka ah ee hay'adda.
title-with-error = Khalad: { $title }

landing-title = Nala soo xiriir adigoo aan magacaaga sheegin
landing-intro = Waxaad la xiriiri kartaa adeeg taageero. Uma baahnid inaad magacaaga sheegto, akoonna uma baahnid. Hoos ka dooro adeeg. Marka aad dirto, waxaad helaysaa koodh rasiid ah. Koodhkaas ayaad ku soo laaban kartaa si aad u aragto jawaabaha.
landing-services = Adeegyada
landing-return = Hore ma noola soo xiriirtay?
landing-check-link = Ku eeg codsigaaga koodhka rasiidka

contact-title = La xiriir { $service }
contact-anonymous = Uma baahnid inaad sheegto magacaaga ama sida lagugu heli karo. Fariinta keliya ayaa loo baahan yahay. Meelaha kale waad ka tagi kartaa.
contact-send = Si ammaan ah u dir
field-topic = Mawduuca
field-message = Fariintaada
field-message-hint = Qor waxa aad rabto inaad sheegto ama weydiiso. Waxaa akhrin kara oo keliya lataliyayaasha adeeggan.
field-name-optional = Magaca aad rabto in laguugu yeero (haddii aad rabto)
field-name = Magaca aad rabto in laguugu yeero
field-name-hint = Magac kasta waa la aqbalayaa. Uma baahna inuu noqdo magacaaga dhabta ah.
field-way = Sidee baad rabtaa in laguula soo xiriiro?
way-none = Ha ila soo xiriirin: haddii aan rabo, waxaan ku soo laaban doonaa koodhka rasiidka
way-reply_here = Halkan iigu jawaab: jawaabta waxaan ku akhrin doonaa koodhka rasiidka
way-phone = Taleefan
way-email = Iimayl
field-detail = Lambarka taleefanka ama cinwaanka iimaylka (keliya haddii aad dooratay taleefan ama iimayl)
field-detail-hint = Meeshan bannaan ka tag haddii aadan rabin in lagula soo xiriiro, ama haddii aad jawaabta halkan ku akhrin doonto.

topic-general = Guud
topic-crisis = Xaalad adag ama walwal degdeg ah
topic-relationships = Xiriirka dadka
topic-sexuality = Galmada
topic-gender = Aqoonsiga jinsiga
topic-mental-health = Caafimaadka maskaxda
topic-housing = Hoy iyo guri
topic-host = Waxaan rabaa inaan qof guri siiyo
topic-guest = Waxaan raadinayaa guri
topic-relatives = Qoyska iyo dadka u dhow
topic-other = Wax kale

error-summary = Fadlan hubi waxyaabahan
error-topic = Liiska ka dooro mawduuc.
error-message-empty = Qor fariin ka hor intaadan dirin.
error-thread-full-client = Wadahadalkan wuu gaaray dhererka ugu badan. Qoraalkaagu weli halkan ayuu yaal. Koobiyee, oo u dir codsi cusub ahaan.
error-thread-full-staff = Kiiskan wuxuu gaaray dhererka ugu badan: wax kale laguma dari karo. Qoraalkaagu weli halkan ayuu yaal.
error-message-long = Fariintu aad bay u dheer tahay. Gaabi ilaa 10,000 xaraf ama ka yar.
error-name-long = Magacu aad buu u dheer yahay. Isticmaal ugu badnaan 100 xaraf, hal sadar keliya.
error-detail-unused = Waxaad qortay lambar taleefan ama cinwaan iimayl. Kor ka dooro "Taleefan" ama "Iimayl", ama meesha tirtir.
error-phone = Qor lambar taleefan oo leh 5 ilaa 20 tiro.
error-email = Qor cinwaan iimayl sida kan: name@example.fi.
error-way = Dooro hal qaab oo laguula soo xiriiro.
notice-too-fast = Foomka si aad u degdeg ah ayaa loo diray. Fadlan hubi fariintaada, oo mar kale dir.
notice-expired = Waqtigii foomku wuu dhammaaday. Qoraalkaagu weli halkan ayuu yaal. Fadlan mar kale dir.
notice-expired-receipt = Waqtigii foomkan wuu dhammaaday. Fadlan mar kale qor koodhka rasiidka.
notice-too-many = Shabakaddaada waxaa hadda laga diray codsiyo aad u badan. Qoraalkaagu weli halkan ayuu yaal. Fadlan isku day mar kale wax yar kadib.

receipt-title = Codsigaaga waa la diray
receipt-sent-to = Codsigaaga si ammaan ah ayaa loogu diray { $service }.
receipt-code = Koodhka rasiidkaaga
receipt-write-down = Hadda qor koodhka, ama ku kaydi meel ammaan ah. Waxaad u baahan tahay si aad u akhrido jawaabaha, iyo si aad u hubiso codsigaaga.
receipt-no-recovery = Koodhka mar kale ma tusi karno, dibna uma soo celin karno. Meelna laguma kaydin qaab la akhrin karo.
receipt-check-link = Hubi codsigaaga

check-title = Hubi codsigaaga
check-intro = Qor koodhka rasiidka ee aad heshay markii aad codsiga dirtay.
check-receipt = Koodhka rasiidka
check-receipt-hint = 16 xaraf iyo tiro, tusaale ahaan ABCD-EFGH-JKMN-PQRS. Xarriiqyada iyo meelaha bannaan muhiim ma aha.
check-submit = I tus codsigayga
check-service = Adeegga
check-opened = La diray
check-status = Xaaladda
check-thread = Fariimaha
check-leave = Markaad dhammayso, xir boggan. Codsigaaga mar kale lama tusayo haddii aan koodhka la hayn.
thread-you = Adiga
thread-counsellor = Lataliye
error-receipt-format = Koodhka rasiidku wuxuu leeyahay 16 xaraf iyo tiro. Hubi koodhka, oo mar kale isku day.
error-receipt-unknown = Koodhkan codsi lama helin. Hubi koodhka, oo mar kale isku day.

status-new = Waa la helay, wuxuu sugayaa lataliye
status-in_progress = Lataliye ayaa ka shaqeynaya
status-waiting = Waa lagu jawaabay
status-closed = Waa la xiray

error-not-found = Bogga lama helin
error-not-found-text = Bogga aad raadinayso ma jiro.
error-too-many = Codsiyo aad u badan
error-too-many-text = Shabakaddaada waxaa hadda laga diray codsiyo aad u badan. Fadlan isku day mar kale wax yar kadib.
error-too-large = Fariintu aad bay u weyn tahay
error-too-large-text = Waxa aad dirtay way ka weynaayeen inta aan aqbali karno. Dib u noqo, gaabi qoraalka, oo mar kale dir.
error-bad-request = Foomka lama akhrin karin
error-bad-request-text = Dib u noqo, oo foomka mar kale dir.
error-internal = Wax baa khaldamay
error-internal-text = Codsigaaga lama fulin karin. Waxba lama kaydin. Fadlan isku day mar kale wax yar kadib.
error-id = Haddii aad adeegga kala hadasho khaladkan, sii koodhkan:
error-home = Tag bogga hore
thread-counsellor-named = Lataliye { $name }
check-new-reply = Jawaab cusub ayaa timid tan iyo markii ugu dambeysay ee aad timid.
check-write = Jawaab u qor
check-write-hint = Waxaa akhrin kara oo keliya lataliyayaasha adeeggan. Jawaabahooda halkan ayaad ku akhrin kartaa, adigoo isticmaalaya koodhka rasiidka.
check-sent = Fariintaada waa la diray.
check-resend-hint = Fariintaada weli lama dirin. Halkan ayay ku kaydsan tahay. Mar kale dir wax yar kadib.

## answers
answers-notice = Adeeggan wuxuu ku jawaabaa luqadahan: { $languages }. Weli waad ku qori kartaa luqaddaada.
answers-others = Adeegyadan ayaa ku jawaaba luqaddaada:
language-fi = Af-Finnish
language-sv = Af-Iswiidhish
language-en = Af-Ingiriis
language-ar = Af-Carabi
language-fa = Af-Faarsi (Dari)
language-ckb = Af-Kurdi (Soraani)
language-so = Af-Soomaali
language-uk = Af-Yukreeni
language-ru = Af-Ruush

# Status: draft, needs review by a native speaker

# العربية الفصحى المبسطة. نخاطب القارئ بصيغ لا تفترض جنسه (المصدر، «يمكنك»، «يُرجى»).
site-name = suoja
skip-to-content = الانتقال إلى المحتوى
language-nav = اللغة
quick-exit = خروج سريع: مغادرة هذا الموقع
footer-privacy = لا نحفظ عنوانك ولا بيانات متصفحك. تُشفَّر رسالتك بحيث لا يستطيع فتحها إلا مستشارو الخدمة المختارة، ومفتاح الاسترداد الخاص بالمنظمة.
title-with-error = خطأ: { $title }

landing-title = التواصل معنا دون الكشف عن هويتك
landing-intro = يمكنك التواصل مع خدمة دعم دون ذكر اسمك ودون إنشاء حساب. الخدمات موجودة في الأسفل. بعد الإرسال يظهر لك رمز متابعة: به يمكنك العودة لقراءة الردود.
landing-services = الخدمات
landing-return = هل سبق أن تواصلت معنا؟
landing-check-link = الاطلاع على طلبك برمز المتابعة

contact-title = التواصل مع { $service }
contact-anonymous = لا حاجة إلى ذكر اسمك أو أي وسيلة للتواصل معك. كل الحقول اختيارية ما عدا الرسالة.
contact-send = إرسال بأمان
field-topic = الموضوع
field-message = رسالتك
field-message-hint = يمكنك هنا كتابة ما يشغلك أو أي سؤال لديك. لا يقرأ الرسالة إلا مستشارو هذه الخدمة.
field-name-optional = اسم نناديك به (اختياري)
field-name = اسم نناديك به
field-name-hint = أي اسم يعجبك، ولا يلزم أن يكون اسمك الحقيقي.
field-way = ما طريقة التواصل التي تناسبك؟
way-none = لا تتواصلوا معي: سأعود برمز المتابعة إذا أردت
way-reply_here = ردّوا هنا: سأقرأ ردّكم برمز المتابعة
way-phone = عبر الهاتف
way-email = عبر البريد الإلكتروني
field-detail = رقم الهاتف أو عنوان البريد الإلكتروني (فقط إذا اخترت الهاتف أو البريد الإلكتروني)
field-detail-hint = يمكنك ترك هذا الحقل فارغًا إذا اخترت ألّا نتواصل معك، أو اخترت قراءة الرد هنا.

topic-general = موضوع عام
topic-crisis = أزمة أو قلق شديد
topic-relationships = العلاقات
topic-sexuality = الميول الجنسية
topic-gender = الهوية الجندرية
topic-mental-health = الصحة النفسية
topic-housing = السكن
topic-host = استضافة شخص في منزلك
topic-guest = البحث عن مسكن
topic-relatives = للأقارب والمقرّبين
topic-other = موضوع آخر

error-summary = يُرجى التحقق مما يلي
error-topic = يُرجى اختيار موضوع من القائمة.
error-message-empty = يُرجى كتابة رسالة قبل الإرسال.
error-thread-full-client = وصلت هذه المحادثة إلى أقصى طول لها. نصّك ما زال هنا: يمكنك نسخه وإرساله في طلب تواصل جديد.
error-thread-full-staff = وصلت هذه الحالة إلى أقصى طول لها، ولا يمكن إضافة شيء إليها. نصّك ما زال هنا.
error-message-long = الرسالة طويلة جدًا. يُرجى اختصارها إلى 10٬000 حرف على الأكثر.
error-name-long = الاسم طويل جدًا: يُرجى استخدام 100 حرف على الأكثر في سطر واحد.
error-detail-unused = كتبت رقم هاتف أو عنوان بريد إلكتروني: يُرجى اختيار الهاتف أو البريد الإلكتروني في الأعلى، أو إفراغ الحقل.
error-phone = يُرجى كتابة رقم هاتف من 5 إلى 20 رقمًا.
error-email = يُرجى كتابة عنوان بريد إلكتروني مثل name@example.fi
error-way = يُرجى اختيار إحدى طرق التواصل.
notice-too-fast = أُرسل النموذج بسرعة كبيرة. يُرجى مراجعة رسالتك وإرسالها مرة أخرى.
notice-expired = انتهت صلاحية النموذج. نصّك ما زال هنا: يُرجى إرساله مرة أخرى.
notice-expired-receipt = انتهت صلاحية هذا النموذج. يُرجى إدخال رمز المتابعة مرة أخرى.
notice-too-many = أُرسلت طلبات كثيرة من شبكتك قبل قليل. نصّك ما زال هنا: يُرجى المحاولة مرة أخرى بعد قليل.

receipt-title = تم إرسال طلبك
receipt-sent-to = أُرسل طلبك بأمان إلى { $service }.
receipt-code = رمز المتابعة الخاص بك
receipt-write-down = يُرجى كتابة الرمز أو حفظه الآن في مكان آمن. الرمز ضروري لقراءة الردود ولمتابعة طلبك.
receipt-no-recovery = لا يمكننا عرض الرمز مرة أخرى ولا استعادته: فهو غير محفوظ في أي مكان بشكل مقروء.
receipt-check-link = متابعة طلبك

check-title = متابعة طلبك
check-intro = يُرجى إدخال رمز المتابعة الذي ظهر لك عند إرسال طلبك.
check-receipt = رمز المتابعة
check-receipt-hint = 16 حرفًا ورقمًا، مثل ABCD-EFGH-JKMN-PQRS. لا فرق إن كتبت الشرطات والمسافات أو لم تكتبها.
check-submit = عرض طلبي
check-service = الخدمة
check-opened = تاريخ الإرسال
check-status = الحالة
check-thread = الرسائل
check-leave = عند الانتهاء، يُرجى إغلاق هذه الصفحة. لن يظهر طلبك مرة أخرى إلا بالرمز.
thread-you = أنت
thread-counsellor = المستشار/ة
error-receipt-format = يتكوّن رمز المتابعة من 16 حرفًا ورقمًا. يُرجى التحقق من الرمز والمحاولة مرة أخرى.
error-receipt-unknown = لا يوجد طلب بهذا الرمز. يُرجى التحقق من الرمز والمحاولة مرة أخرى.

status-new = تم الاستلام، بانتظار مستشار
status-in_progress = يتابعه أحد المستشارين
status-waiting = تم الرد عليك
status-closed = مغلق

error-not-found = الصفحة غير موجودة
error-not-found-text = لم نجد الصفحة المطلوبة.
error-too-many = طلبات كثيرة جدًا
error-too-many-text = أُرسلت طلبات كثيرة من شبكتك قبل قليل. يُرجى المحاولة مرة أخرى بعد قليل.
error-too-large = الرسالة كبيرة جدًا
error-too-large-text = ما أرسلته أكبر مما نستطيع استقباله. يُرجى الرجوع، واختصار النص، ثم إرساله مرة أخرى.
error-bad-request = تعذّرت قراءة النموذج
error-bad-request-text = يُرجى الرجوع وإرسال النموذج مرة أخرى.
error-internal = حدث خطأ ما
error-internal-text = تعذّرت معالجة طلبك، ولم يُحفظ شيء. يُرجى المحاولة مرة أخرى بعد قليل.
error-id = إذا تواصلت مع الخدمة بشأن هذا الخطأ، يُرجى ذكر هذا الرمز:
error-home = الذهاب إلى الصفحة الرئيسية
thread-counsellor-named = المستشار/ة { $name }
check-new-reply = وصل ردّ جديد منذ زيارتك الأخيرة.
check-write = كتابة ردّ
check-write-hint = لا يقرأ رسالتك إلا مستشارو هذه الخدمة. يمكنك قراءة ردودهم هنا برمز المتابعة.
check-sent = أُرسلت رسالتك.
check-resend-hint = لم تُرسل رسالتك بعد. هي محفوظة هنا: يُرجى إرسالها مرة أخرى بعد قليل.

## answers
answers-notice = تجيب هذه الخدمة بهذه اللغات: { $languages }. ويمكنك مع ذلك أن تكتب بلغتك.
answers-others = هذه الخدمات تجيب بلغتك:
language-fi = الفنلندية
language-sv = السويدية
language-en = الإنجليزية
language-ar = العربية
language-fa = الفارسية (الدرية)
language-ckb = الكردية (السورانية)
language-so = الصومالية
language-uk = الأوكرانية
language-ru = الروسية

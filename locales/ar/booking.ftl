# Status: draft, needs review by a native speaker
## الحجز: صفحات العملاء

booking-link = هل يناسبك أكثر حجز موعد لمكالمة، أو الانضمام إلى مجموعة؟ الحجز من هنا.
booking-title = حجز موعد: { $service }
booking-intro = يمكنك اختيار موعد متاح أو مجموعة. لا حاجة إلى ذكر اسمك. ما يُكتب هنا يُشفَّر بحيث لا يقرؤه إلا مستشارو هذه الخدمة.
booking-zone-note = المواعيد بالتوقيت المحلي ({ $city }).
booking-zone-note-finland = المواعيد بتوقيت فنلندا.
booking-zone-note-utc = المواعيد بالتوقيت العالمي (UTC).
booking-choose = الموعد
booking-times = مواعيد المكالمات
booking-choose-group = المجموعة
booking-none-free = لا توجد مواعيد متاحة للحجز حاليًا.
booking-none-free-title = لا توجد مواعيد أو مجموعات متاحة الآن
booking-none-free-later = ينشر مستشارونا مواعيد ومجموعات جديدة في هذه الصفحة. يُرجى العودة بعد بضعة أيام.
booking-none-free-write = يمكنك أيضًا مراسلتنا الآن: إرسال رسالة
booking-groups = المجموعات
booking-seats-free = { $label } ({ $n ->
    [zero] لا أماكن شاغرة
    [one] مكان واحد شاغر
    [two] مكانان شاغران
    [few] { $n } أماكن شاغرة
    [many] { $n } مكانًا شاغرًا
   *[other] { $n } مكان شاغر
})
booking-group-detail = { $meetings ->
    [zero] بلا لقاءات
    [one] لقاء واحد
    [two] لقاءان
    [few] { $meetings } لقاءات
    [many] { $meetings } لقاءً
   *[other] { $meetings } لقاء
}، { $first } – { $last }، { $free ->
    [zero] لا أماكن شاغرة
    [one] مكان واحد شاغر
    [two] مكانان شاغران
    [few] { $free } أماكن شاغرة
    [many] { $free } مكانًا شاغرًا
   *[other] { $free } مكان شاغر
}
booking-group-meetings = اللقاءات
booking-group-name-hint = الاسم الذي يناسبك أن نناديك به في المجموعة. أي اسم مناسب، ولا يلزم أن يكون اسمك الحقيقي.
booking-group-submit = التسجيل في المجموعة
booking-call = من يتصل؟
booking-call-we_call = الاتصال منّا
booking-call-you_call = الاتصال منك
booking-line-number = رقم خطّنا: { $phone }
booking-phone = رقم هاتفك (إذا كنا سنتصل بك)
booking-phone-hint = لا يقرؤه إلا المستشارون. يمكنك تركه فارغًا إذا اخترت الاتصال بنا.
booking-topic = الموضوع (اختياري)
booking-topic-none = بلا موضوع
booking-submit = حجز هذا الموعد
booking-taken = نأسف، حجز شخص آخر هذا الموعد قبل لحظات. يُرجى اختيار موعد آخر؛ كل ما كتبته محفوظ.
booking-group-full = نأسف، حُجز آخر مكان في هذه المجموعة قبل لحظات. يُرجى اختيار مجموعة أخرى أو موعد؛ كل ما كتبته محفوظ.
booking-error-choice = يُرجى اختيار موعد.
booking-error-group = يُرجى اختيار مجموعة.
booking-error-call = يُرجى اختيار من يتصل.
booking-error-phone = يُرجى كتابة رقم هاتف يمكننا الاتصال به (أرقام ومسافات و + - ( ) فقط)، أو اختيار «الاتصال منك».
booking-error-phone-unused = اخترت «الاتصال منك»، لذا يُرجى ترك رقم الهاتف فارغًا.
booking-booked-title = تم حجز موعدك
booking-booked-at = حُفظ حجزك لدى { $service }.
booking-group-booked-title = لك مكان في المجموعة
booking-group-booked-at = حُفظ تسجيلك في { $group } ({ $service }).
booking-time = الموعد
booking-line = رقم الخط
booking-we-call-you-at = سنتصل بك على الرقم { $phone }
booking-you-call-us = الاتصال منك
booking-receipt-use = بهذا الرمز يمكنك رؤية حجزك، أو تغيير موعده، أو إلغاؤه، وقراءة رسائلنا.
booking-group-receipt-use = بهذا الرمز يمكنك رؤية تسجيلك ولقاءات المجموعة، وإلغاء مكانك، وقراءة رسائلنا.
booking-manage-open = عرض الحجز أو تغيير موعده أو إلغاؤه
booking-manage-title = حجزك
booking-group-manage-title = مكانك في المجموعة
booking-group = المجموعة
booking-state-booked = محجوز
booking-state-cancelled = ملغى
booking-state-moved = نُقل إلى موعد آخر
booking-state-done = تم
booking-state-no_show = فات الموعد
booking-group-state-booked = مسجَّل
booking-not-current = لم يعد من الممكن تغيير هذا الحجز.
booking-move = النقل إلى موعد آخر
booking-move-submit = نقل الحجز
booking-cancel = إلغاء الحجز
booking-cancel-hint = يصبح الموعد متاحًا لشخص آخر. تبقى رسائلك محفوظة.
booking-cancel-submit = إلغاء الحجز
booking-group-cancel = إلغاء مكانك
booking-group-cancel-hint = يصبح مكانك متاحًا لشخص آخر. تبقى رسائلك محفوظة.
booking-group-cancel-submit = إلغاء مكاني
booking-cancelled-notice = أُلغي حجزك.
booking-group-cancelled-notice = أُلغي مكانك في المجموعة.
booking-moved-notice = نُقل حجزك إلى الموعد الجديد.
booking-back-to-thread = العودة إلى رسائلك
booking-doc-moved = نُقل الحجز إلى { $when }.
booking-doc-cancelled = أُلغي الحجز.
booking-line-we_call-client = موعدك: { $when }. سنتصل بك.
booking-line-you_call-client = موعدك: { $when }. يكون الاتصال منك.
booking-line-we_call-staff = موعد محجوز: { $when }. نحن نتصل بالعميل.
booking-line-you_call-staff = موعد محجوز: { $when }. العميل يتصل بنا.
booking-line-group-client = لك مكان في المجموعة { $group }. أول لقاء في { $first } وآخر لقاء في { $last }.
booking-line-group-staff = مكان في المجموعة { $group }. أول لقاء في { $first } وآخر لقاء في { $last }.
booking-weekday-1 = الاثنين
booking-weekday-2 = الثلاثاء
booking-weekday-3 = الأربعاء
booking-weekday-4 = الخميس
booking-weekday-5 = الجمعة
booking-weekday-6 = السبت
booking-weekday-7 = الأحد

## الحجز: صفحات الموظفين

kind-booking = حجز
staff-availability = المواعيد المتاحة
avail-title = المواعيد المتاحة
avail-slots = المواعيد المنشورة
avail-slots-caption = مواعيد منفردة من الآن فصاعدًا
avail-none = لم يُنشر شيء.
avail-when = الموعد
avail-seats = الأماكن المحجوزة
avail-actions = الإجراءات
avail-remove = حذف
avail-booked = محجوز
avail-groups = المجموعات
avail-oneoff = نشر موعد واحد
avail-weekly = نشر ساعات مناوبة أسبوعية
avail-group = نشر مجموعة
avail-date = اليوم
avail-start = يبدأ في
avail-until = ينتهي في
avail-minutes = المدة بالدقائق
avail-slot-minutes = مدة الموعد الواحد بالدقائق
avail-capacity = الأماكن
avail-weekday = يوم الأسبوع
avail-from-day = ابتداءً من هذا اليوم (فارغ: اليوم)
avail-weeks = لكم أسبوعًا
avail-name-fi = الاسم بالفنلندية
avail-name-sv = الاسم بالسويدية
avail-name-en = الاسم بالإنجليزية
avail-first-meeting = يوم اللقاء الأول
avail-meetings = عدد اللقاءات
avail-every-days = عدد الأيام بين اللقاءات
avail-publish = نشر
avail-done-published = تم النشر.
avail-done-removed = حُذف الموعد.
avail-error-service = يُرجى اختيار إحدى خدماتك.
avail-error-date = يُرجى كتابة اليوم بالصيغة YYYY-MM-DD.
avail-error-time = يُرجى كتابة الوقت بالصيغة HH:MM.
avail-error-weekday = يُرجى اختيار يوم من الأسبوع.
avail-error-minutes = يجب أن تكون المدة من 5 إلى 600 دقيقة.
avail-error-capacity = يجب أن يكون عدد الأماكن من 1 إلى 500.
avail-error-weeks = يجب أن يكون عدد الأسابيع من 1 إلى 52.
avail-error-meetings = يجب أن يكون عدد اللقاءات من 1 إلى 52.
avail-error-every = يجب أن يكون عدد الأيام بين اللقاءات من 1 إلى 366.
avail-error-until = يجب أن تنتهي ساعات المناوبة بعد بدايتها.
avail-error-no-slots = ساعات المناوبة هذه لا تعطي أي موعد في المستقبل.
avail-error-no-such-time = هذا الوقت غير موجود أو يتكرر مرتين في ذلك اليوم (بسبب تغيير الساعة). يُرجى اختيار وقت آخر.
avail-error-past = هذا الوقت مضى.
avail-error-group-name = يُرجى إعطاء المجموعة اسمًا باللغات الثلاث (100 حرف على الأكثر).
avail-error-raced = حجز أحدهم هذا الموعد الآن، لذلك لم يُحذف شيء. يُرجى المحاولة مرة أخرى.
avail-error-confirm = لم يُحذف شيء: هذا الموعد محجوز، وحذفه يلغي الحجز. يُرجى التأشير على «أنا متأكد» لحذفه.
avail-error-unreadable = حُجز هذا الموعد قبل أن تتمكن من فتح حالته، لذلك لا يمكن إبلاغ العميل. لم يتغير شيء: يُرجى الطلب من زميل يستطيع فتحها.
avail-remove-booked = الحذف وإلغاء حجوزاته
avail-done-removed-booked = حُذف الموعد. أُلغيت حجوزاته، ووصلت رسالة بذلك إلى كل عميل.
avail-doc-removed = اضطررنا إلى إلغاء حجزك في { $when }: لم يعد هذا الموعد متاحًا. يمكنك حجز موعد آخر أو مراسلتنا هنا.
booking-weekday-long-1 = الاثنين
booking-weekday-long-2 = الثلاثاء
booking-weekday-long-3 = الأربعاء
booking-weekday-long-4 = الخميس
booking-weekday-long-5 = الجمعة
booking-weekday-long-6 = السبت
booking-weekday-long-7 = الأحد

## الحجز: جدول المستشار

staff-schedule = الجدول
schedule-title = الجدول
schedule-nav = التنقل في الجدول
schedule-previous = قبل
schedule-next = بعد
schedule-day = يوم واحد
schedule-week = الأسبوع كاملًا
schedule-go-to = اليوم
schedule-show = عرض
schedule-week-of = الأسبوع { $first } – { $last }
schedule-none = لا حجوزات في هذه الفترة.
schedule-call-we_call = نحن نتصل بالعميل
schedule-call-you_call = العميل يتصل بنا
schedule-phone = رقم هاتف العميل
schedule-details = التفاصيل
schedule-open-case = فتح الحالة
schedule-mark-done = التأشير: تم
schedule-mark-no-show = التأشير: لم يحضر
schedule-cancel-message = رسالة إلى العميل بشأن الإلغاء
schedule-cancel-hint = يقرؤها العميل برمز المتابعة. يصبح الموعد متاحًا لشخص آخر.
schedule-cancel-submit = إلغاء الحجز وإرسال الرسالة
schedule-done-outcome = تم التأشير على الحجز.
schedule-done-cancelled = أُلغي الحجز، ورسالتك بانتظار العميل.
schedule-not-current = غيّر أحدهم هذا الحجز قبلك، لذلك لم يُنفَّذ شيء.
schedule-unreadable = حُجز هذا الموعد قبل أن تتمكن من فتح حالته، لذلك لا يمكن إرسال رسالة إلى العميل من هنا. لم يُنفَّذ شيء: يُرجى الطلب من زميل يستطيع فتحها.
schedule-error-summary = لم يُلغَ الحجز: يُرجى كتابة رسالة إلى العميل أولًا.
schedule-doc-cancelled = اضطررنا إلى إلغاء حجزك في { $when }.

## تسجيل المكالمات الهاتفية

kind-phone = مكالمة هاتفية
staff-phone = تسجيل مكالمة
phone-title = تسجيل مكالمة هاتفية
phone-intro = سجّل المكالمة نيابة عن المتصل. تُشفَّر مثل أي طلب. بعدها يظهر لك رمز متابعة تقرؤه للمتصل، ليتمكن من المتابعة كتابةً.
phone-errors = يُرجى التحقق مما يلي
phone-off-duty = لا توجد ساعات مناوبة جارية الآن في أي من خدماتك، لذلك لا يمكن تسجيل مكالمة. تُسجَّل المكالمات خلال ساعات المناوبة الأسبوعية للخدمة، وحتى { $minutes ->
    [zero] { $minutes } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
} بعد انتهائها.
phone-on-duty = ساعات المناوبة الجارية الآن: { $services }.
phone-error-off-duty = لا توجد ساعات مناوبة جارية الآن في هذه الخدمة، لذلك لم تُسجَّل المكالمة. ما كتبته محفوظ في الأسفل.
phone-name = اسم المتصل (اختياري)
phone-name-hint = فقط إذا ذكر اسمًا: الاسم الذي يحب أن يُنادى به.
phone-text = موضوع المكالمة
phone-text-hint = مشفَّر: لا يقرؤه إلا مستشارو الخدمة، والمتصل بالرمز.
phone-submit = الحفظ وعرض الرمز
phone-receipt-title = اقرأ هذا الرمز للمتصل
phone-saved = حُفظت المكالمة كحالة لدى { $service }.
phone-read-out = اقرأ الرمز ببطء، أربعة أحرف في كل مرة. به يستطيع المتصل قراءة ردودنا ومراسلتنا من صفحة العودة بالرمز.
phone-shown-once = يظهر الرمز هذه المرة فقط. لا يُحفظ في أي مكان ولا يمكن عرضه مرة أخرى.
phone-again = تسجيل مكالمة أخرى
thread-phone-by = مكالمتك الهاتفية، كما دوّنها { $name }
case-phone-by = مكالمة هاتفية دوّنها { $name }
avail-edit = تعديل
avail-edit-title = تعديل موعد
avail-edit-now = الآن: { $when }
avail-edit-booked = { $count ->
    [zero] لم يحجز أحد هذا الموعد.
    [one] حجز شخص واحد هذا الموعد. إذا غيّرت الوقت يُلغى حجزه وتصله رسالة بالوقت الجديد.
    [two] حجز شخصان هذا الموعد. إذا غيّرت الوقت تُلغى حجوزاتهما وتصل كلًّا منهما رسالة بالوقت الجديد.
    [few] حجز { $count } أشخاص هذا الموعد. إذا غيّرت الوقت تُلغى حجوزاتهم وتصل كلًّا منهم رسالة بالوقت الجديد.
    [many] حجز { $count } شخصًا هذا الموعد. إذا غيّرت الوقت تُلغى حجوزاتهم وتصل كلًّا منهم رسالة بالوقت الجديد.
   *[other] حجز { $count } شخص هذا الموعد. إذا غيّرت الوقت تُلغى حجوزاتهم وتصل كلًّا منهم رسالة بالوقت الجديد.
}
avail-edit-save = حفظ التعديل
avail-edit-back = العودة إلى المواعيد المتاحة
avail-done-edited = عُدّل الموعد.
avail-done-edited-booked = عُدّل الموعد. أُلغيت حجوزاته، ووصلت كل عميل رسالة بالوقت الجديد.
avail-error-below-taken = لا يمكن أن يكون عدد الأماكن أقل من عدد المحجوز منها.
avail-doc-changed = اضطررنا إلى إلغاء حجزك في { $when }: تغيّر الموعد إلى { $new }. يمكنك حجز الموعد الجديد أو موعد آخر، أو مراسلتنا هنا.
schedule-error-confirm = يُرجى التأشير على «أنا متأكد» لإلغاء الحجز.

# Status: draft, needs review by a native speaker

# الدردشة المباشرة: صفحات العميل.
chat-offer-heading = الدردشة الآن
chat-open = يمكن لأحد المستشارين الدردشة معك الآن. لا حاجة إلى حساب ولا إلى اسم.
chat-closed = الدردشة مغلقة الآن.
chat-closed-next = الدردشة مغلقة الآن. تُفتح مرة أخرى في { $when }.
chat-no-one = الدردشة مفتوحة، لكن لا يوجد مستشار متفرغ في هذه اللحظة. يُرجى المحاولة بعد قليل، أو كتابة رسالة في الأسفل.
chat-full = قائمة انتظار الدردشة ممتلئة الآن. يُرجى المحاولة لاحقًا، أو كتابة رسالة في الأسفل: سنردّ عليها كتابةً.
chat-closed-now = تعذّر بدء الدردشة: إما أنها مغلقة، أو لا يوجد أحد في المناوبة الآن.
chat-name = بأي اسم نناديك؟ (اختياري)
chat-name-hint = أي اسم مناسب. يمكنك ترك هذا الحقل فارغًا.
chat-start = بدء الدردشة
chat-or-write = أو كتابة رسالة
chat-title = دردشة – { $service }
chat-receipt-hint = هذا رمز المتابعة الخاص بك. يُرجى كتابته الآن، فهو يظهر مرة واحدة فقط. به يمكنك قراءة هذه المحادثة وأي ردود لاحقة، والرد علينا.
chat-status-next = دورك هو التالي في قائمة الانتظار.
chat-status-ahead = { $ahead ->
    [zero] لا أحد قبلك في قائمة الانتظار.
    [one] قبلك شخص واحد في قائمة الانتظار.
    [two] قبلك شخصان في قائمة الانتظار.
    [few] قبلك { $ahead } أشخاص في قائمة الانتظار.
    [many] قبلك { $ahead } شخصًا في قائمة الانتظار.
   *[other] قبلك { $ahead } شخص في قائمة الانتظار.
}
chat-status-usually = { $minutes ->
    [zero] عادةً لا يطول الانتظار.
    [one] عادةً يستغرق الانتظار أقل من دقيقة واحدة.
    [two] عادةً يستغرق الانتظار أقل من دقيقتين.
    [few] عادةً يستغرق الانتظار أقل من { $minutes } دقائق.
    [many] عادةً يستغرق الانتظار أقل من { $minutes } دقيقة.
   *[other] عادةً يستغرق الانتظار أقل من { $minutes } دقيقة.
}
chat-status-with = الدردشة الآن مع { $name }.
chat-status-active = أحد المستشارين يدردش معك الآن.
chat-waiting-hint = يمكنك الكتابة أثناء الانتظار: سيقرأ المستشار ما كتبته عند بدء الدردشة. إذا لم تتجدّد هذه الصفحة تلقائيًا، يُرجى الضغط على «التحقق من الرسائل الجديدة» من حين لآخر، لنعرف أنك ما زلت هنا.
chat-conversation = المحادثة
chat-empty = لا رسائل بعد.
chat-your-message = رسالتك
chat-message-hint = للإرسال، يُرجى الضغط على «إرسال». ما يُكتب هنا يُشفَّر قبل حفظه.
chat-send = إرسال
chat-check = التحقق من الرسائل الجديدة
chat-sending = جارٍ الإرسال…
chat-connection-lost = انقطع الاتصال. رسالتك ما زالت هنا: يُرجى محاولة إرسالها مرة أخرى.
chat-too-fast = الرسائل تُرسل بسرعة كبيرة. يُرجى الانتظار لحظة ثم الإرسال مرة أخرى: رسالتك ما زالت هنا.
chat-to-written = مغادرة قائمة الانتظار وتلقّي ردّ مكتوب
chat-end = إنهاء الدردشة
chat-you = أنت
chat-counsellor = المستشار/ة
chat-ended-title = انتهت الدردشة
chat-ended = انتهت الدردشة.
chat-ended-by-counsellor = أنهى المستشار الدردشة.
chat-ended-gone = انتهت الدردشة لأننا لم نسمع منك منذ مدة.
chat-ended-read-later = يمكنك قراءة المحادثة لاحقًا برمز المتابعة، ومراسلتنا مرة أخرى.
chat-ended-not-kept = هذه الخدمة لا تحفظ محادثات الدردشة، لذلك لا يمكن قراءتها مرة أخرى. ما زال بإمكانك مراسلتنا برمز المتابعة.
chat-written-title = أُرسلت رسالتك
chat-written = سيردّ { $service } كتابةً. يمكنك قراءة الرد برمز المتابعة.
chat-not-started-title = لم تبدأ الدردشة
chat-none-title = لا توجد دردشة مفتوحة
chat-none = لا توجد دردشة مفتوحة في هذا المتصفح. ربما انتهت، أو ربما نسيها المتصفح.
chat-draft-kept = النص الذي كتبته (يمكنك نسخه للاحتفاظ به)
chat-link-check = قراءة الردود برمز المتابعة
chat-link-services = كل الخدمات
chat-link-service = العودة إلى { $service }
kind-chat = دردشة
topic-chat = دردشة

# جهة المستشار.
staff-chat = الدردشة
chat-console-title = الدردشة
chat-duty = مناوبة الدردشة
chat-duty-services = أنا في مناوبة الدردشة لـ
chat-duty-no-services = لست عضوًا في أي خدمة.
chat-duty-capacity = عدد الدردشات التي أتولاها في وقت واحد
chat-duty-save = حفظ مناوبتي
chat-mine = دردشاتي
chat-mine-none = لا دردشات مفتوحة لديك.
chat-waiting = في الانتظار
chat-waiting-none = لا أحد في الانتظار.
chat-not-on-duty = لست في مناوبة الدردشة. اختر خدماتك في الأعلى لرؤية قائمة انتظارها.
chat-waited = { $minutes ->
    [zero] انتظر أقل من دقيقة
    [one] انتظر دقيقة واحدة
    [two] انتظر دقيقتين
    [few] انتظر { $minutes } دقائق
    [many] انتظر { $minutes } دقيقة
   *[other] انتظر { $minutes } دقيقة
}
chat-gone = غادر؟
chat-take-next = استقبال العميل التالي
chat-anonymous = مجهول الهوية
chat-console-done-duty = حُفظت مناوبتك.
chat-console-done-none-waiting = لا أحد في الانتظار يمكن استقباله.
chat-console-done-full = لديك بالفعل أقصى عدد من الدردشات التي تتولاها في وقت واحد.
chat-console-done-taken-by-other = استقبل شخص آخر هذا العميل.
chat-console-done-ended = انتهت الدردشة.
chat-console-done-handed = سُلّمت الدردشة.
chat-staff-title = دردشة مع { $name }
chat-back-to-console = العودة إلى لوحة الدردشة
chat-open-case = فتح الحالة
chat-client = العميل
chat-staff-active = العميل موجود.
chat-staff-gone = لا أثر للعميل منذ مدة: ربما غادر.
chat-staff-ended = انتهت الدردشة.
chat-staff-ended-client = أنهى العميل الدردشة.
chat-staff-ended-gone = انتهت الدردشة: غادر العميل.
chat-staff-ended-exit = غادر العميل عبر الخروج السريع.
chat-staff-handed = هذه الدردشة الآن مع مستشار آخر.
chat-note = ملاحظة خاصة
chat-note-hint = لا يقرأ الملاحظات إلا مستشارو الخدمة.
chat-note-save = حفظ الملاحظة
chat-note-by = ملاحظة من { $name }
chat-hand-over-to = تسليم الدردشة إلى
chat-hand-over = تسليم
chat-staff-end = إنهاء الدردشة
chat-error-ended = انتهت الدردشة؛ لا يمكن إرسال شيء آخر.
chat-error-hand-over = تعذّر تسليم الدردشة: يُرجى اختيار مستشار في المناوبة.
chat-settings-heading = ساعات الدردشة
chat-settings-link = ساعات الدردشة لـ { $service }
chat-settings-title = إعدادات الدردشة – { $service }
chat-settings-hours = ساعات الدردشة
chat-settings-hours-hint = بالمنطقة الزمنية للخدمة، بالصيغة HH:MM (24:00 لمنتصف الليل). اترك اليوم فارغًا إذا لم تكن هناك دردشة فيه.
chat-settings-from = من
chat-settings-until = حتى
chat-settings-queue-max = عدد من يمكنهم الانتظار في القائمة
chat-settings-keep = حفظ المحادثة بعد انتهاء الدردشة
chat-settings-keep-hint = إذا لم تُحفظ، تُحذف الرسائل عند انتهاء الدردشة؛ وتبقى الحالة مع رمز متابعة العميل.
chat-settings-save = حفظ
chat-settings-saved = حُفظت إعدادات الدردشة.
chat-settings-error-hours = { $day }: يُرجى كتابة الوقتين بالصيغة HH:MM، على أن تكون البداية قبل النهاية.
chat-settings-error-queue = يُرجى كتابة حجم قائمة الانتظار رقمًا من 1 إلى 1000.
audit-action-chat-take = استقبل دردشة
audit-action-chat-end = أنهى دردشة
audit-action-chat-hand-over = سلّم دردشة
audit-action-chat-settings = غيّر إعدادات الدردشة

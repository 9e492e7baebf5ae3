# Status: draft, needs review by a native speaker
## نوبت: صفحه‌های مراجعه‌کنندگان

booking-link = ترجیح می‌دهید برای یک تماس تلفنی وقت بگیرید، یا در یک گروه شرکت کنید؟ از اینجا نوبت بگیرید.
booking-title = گرفتن نوبت: { $service }
booking-intro = یک وقت آزاد یا یک گروه را انتخاب کنید. لازم نیست نام خود را بگویید. آنچه اینجا می‌نویسید رمزگذاری می‌شود، طوری که فقط مشاوران این خدمت می‌توانند آن را بخوانند.
booking-zone-note = وقت‌ها به ساعت محلی است ({ $city }).
booking-zone-note-finland = وقت‌ها به ساعت فنلاند است.
booking-zone-note-utc = وقت‌ها به ساعت جهانی (UTC) است.
booking-choose = وقت
booking-times = وقت‌های تماس تلفنی
booking-choose-group = گروه
booking-none-free = در حال حاضر وقت آزادی برای نوبت گرفتن نیست.
booking-none-free-title = فعلاً وقت یا گروه آزادی نیست
booking-none-free-later = مشاوران ما وقت‌ها و گروه‌های تازه را در همین صفحه می‌گذارند. لطفاً چند روز بعد دوباره سر بزنید.
booking-none-free-write = همین حالا هم می‌توانید برای ما بنویسید: ارسال پیام
booking-groups = گروه‌ها
booking-seats-free = { $label } ({ $n ->
    [one] { $n } جای خالی
   *[other] { $n } جای خالی
})
booking-group-detail = { $meetings ->
    [one] { $meetings } جلسه
   *[other] { $meetings } جلسه
}، { $first } – { $last }، { $free ->
    [one] { $free } جای خالی
   *[other] { $free } جای خالی
}
booking-group-meetings = جلسه‌ها
booking-group-name-hint = نامی که دوست دارید در گروه با آن صدایتان کنند. هر نامی خوب است؛ لازم نیست نام واقعی شما باشد.
booking-group-submit = ثبت نام در گروه
booking-call = چه کسی زنگ می‌زند؟
booking-call-we_call = ما به شما زنگ می‌زنیم
booking-call-you_call = شما به ما زنگ می‌زنید
booking-line-number = شمارهٔ تلفن ما: { $phone }
booking-phone = شماره تلفن شما (اگر ما زنگ بزنیم)
booking-phone-hint = فقط مشاوران می‌توانند آن را بخوانند. اگر شما به ما زنگ می‌زنید، آن را خالی بگذارید.
booking-topic = موضوع (اختیاری)
booking-topic-none = بدون موضوع
booking-submit = گرفتن این نوبت
booking-taken = متأسفیم، کس دیگری همین حالا این وقت را گرفت. لطفاً وقت دیگری انتخاب کنید؛ بقیهٔ چیزهایی که نوشتید، نگه داشته شده است.
booking-group-full = متأسفیم، آخرین جای این گروه همین حالا پر شد. لطفاً گروه یا وقت دیگری انتخاب کنید؛ بقیهٔ چیزهایی که نوشتید، نگه داشته شده است.
booking-error-choice = یک وقت را انتخاب کنید.
booking-error-group = یک گروه را انتخاب کنید.
booking-error-call = انتخاب کنید چه کسی زنگ می‌زند.
booking-error-phone = شماره تلفنی بنویسید که بتوانیم به آن زنگ بزنیم (فقط رقم، فاصله و + - ( ) )، یا انتخاب کنید که شما به ما زنگ می‌زنید.
booking-error-phone-unused = شما انتخاب کرده‌اید که خودتان زنگ بزنید، پس بخش شماره تلفن را خالی بگذارید.
booking-booked-title = نوبت شما گرفته شد
booking-booked-at = نوبت شما نزد { $service } ثبت شد.
booking-group-booked-title = شما در گروه جا دارید
booking-group-booked-at = ثبت نام شما در { $group } ({ $service }) انجام شد.
booking-time = وقت
booking-line = شمارهٔ تلفن ما
booking-we-call-you-at = ما به این شماره زنگ می‌زنیم: { $phone }
booking-you-call-us = شما به ما زنگ می‌زنید
booking-receipt-use = با این کد می‌توانید نوبت خود را ببینید، آن را جابه‌جا یا لغو کنید، و پیام‌های ما را بخوانید.
booking-group-receipt-use = با این کد می‌توانید ثبت نام خود و جلسه‌های گروه را ببینید، جای خود را لغو کنید، و پیام‌های ما را بخوانید.
booking-manage-open = دیدن، جابه‌جا کردن یا لغو نوبت
booking-manage-title = نوبت شما
booking-group-manage-title = جای شما در گروه
booking-group = گروه
booking-state-booked = گرفته شده
booking-state-cancelled = لغو شده
booking-state-moved = جابه‌جا شده
booking-state-done = انجام شده
booking-state-no_show = از دست رفته
booking-group-state-booked = ثبت نام شده
booking-not-current = این نوبت دیگر قابل تغییر نیست.
booking-move = جابه‌جا کردن به وقت دیگر
booking-move-submit = جابه‌جا کردن نوبت
booking-cancel = لغو نوبت
booking-cancel-hint = این وقت برای کس دیگری آزاد می‌شود. پیام‌های شما باقی می‌ماند.
booking-cancel-submit = لغو نوبت
booking-group-cancel = لغو جای شما
booking-group-cancel-hint = جای شما برای کس دیگری آزاد می‌شود. پیام‌های شما باقی می‌ماند.
booking-group-cancel-submit = لغو جای من
booking-cancelled-notice = نوبت شما لغو شد.
booking-group-cancelled-notice = جای شما در گروه لغو شد.
booking-moved-notice = نوبت شما جابه‌جا شد.
booking-back-to-thread = بازگشت به پیام‌های شما
booking-doc-moved = نوبت به { $when } جابه‌جا شد.
booking-doc-cancelled = نوبت لغو شد.
booking-line-we_call-client = وقت شما: { $when }. ما به شما زنگ می‌زنیم.
booking-line-you_call-client = وقت شما: { $when }. شما به ما زنگ می‌زنید.
booking-line-we_call-staff = وقت گرفته شده: { $when }. ما به مراجعه‌کننده زنگ می‌زنیم.
booking-line-you_call-staff = وقت گرفته شده: { $when }. مراجعه‌کننده به ما زنگ می‌زند.
booking-line-group-client = شما در گروه { $group } جا دارید. نخستین جلسه در { $first } و آخرین جلسه در { $last } است.
booking-line-group-staff = یک جا در گروه { $group }. نخستین جلسه در { $first } و آخرین جلسه در { $last } است.
booking-weekday-1 = دوشنبه
booking-weekday-2 = سه‌شنبه
booking-weekday-3 = چهارشنبه
booking-weekday-4 = پنجشنبه
booking-weekday-5 = جمعه
booking-weekday-6 = شنبه
booking-weekday-7 = یکشنبه

## نوبت: صفحه‌های کارکنان

kind-booking = نوبت
staff-availability = وقت‌های آزاد
avail-title = وقت‌های آزاد
avail-slots = وقت‌های منتشرشده
avail-slots-caption = وقت‌های تکی از حالا به بعد
avail-none = چیزی منتشر نشده است.
avail-when = وقت
avail-seats = جاهای گرفته شده
avail-actions = کارها
avail-remove = حذف
avail-booked = گرفته شده
avail-groups = گروه‌ها
avail-oneoff = انتشار یک وقت
avail-weekly = انتشار ساعات کاری هفتگی
avail-group = انتشار یک گروه
avail-date = روز
avail-start = ساعت شروع
avail-until = ساعت پایان
avail-minutes = مدت به دقیقه
avail-slot-minutes = مدت هر وقت به دقیقه
avail-capacity = تعداد جا
avail-weekday = روز هفته
avail-from-day = از این روز به بعد (خالی: امروز)
avail-weeks = برای چند هفته
avail-name-fi = نام به فنلاندی
avail-name-sv = نام به سوئدی
avail-name-en = نام به انگلیسی
avail-first-meeting = روز نخستین جلسه
avail-meetings = تعداد جلسه‌ها
avail-every-days = فاصلهٔ جلسه‌ها به روز
avail-publish = انتشار
avail-done-published = منتشر شد.
avail-done-removed = وقت حذف شد.
avail-error-service = یکی از خدمات خود را انتخاب کنید.
avail-error-date = روز را به شکل YYYY-MM-DD بنویسید.
avail-error-time = ساعت را به شکل HH:MM بنویسید.
avail-error-weekday = یک روز هفته را انتخاب کنید.
avail-error-minutes = مدت باید 5 تا 600 دقیقه باشد.
avail-error-capacity = تعداد جا باید 1 تا 500 باشد.
avail-error-weeks = تعداد هفته‌ها باید 1 تا 52 باشد.
avail-error-meetings = تعداد جلسه‌ها باید 1 تا 52 باشد.
avail-error-every = فاصلهٔ جلسه‌ها باید 1 تا 366 روز باشد.
avail-error-until = ساعات کاری باید بعد از شروع، پایان یابد.
avail-error-no-slots = این ساعات کاری هیچ وقتی در آینده نمی‌دهد.
avail-error-no-such-time = این ساعت در آن روز وجود ندارد یا دو بار می‌آید (به خاطر تغییر ساعت). ساعت دیگری انتخاب کنید.
avail-error-past = این وقت گذشته است.
avail-error-group-name = برای گروه به هر سه زبان نام بگذارید (حداکثر 100 حرف).
avail-error-raced = کسی همین حالا این وقت را گرفت، پس چیزی حذف نشد. لطفاً دوباره تلاش کنید.
avail-error-confirm = چیزی حذف نشد: این وقت گرفته شده است و حذف آن نوبت را لغو می‌کند. برای حذف، «مطمئن هستم» را علامت بزنید.
avail-error-unreadable = این وقت پیش از آنکه شما بتوانید پرونده‌اش را باز کنید گرفته شده، پس نمی‌توان به مراجعه‌کننده خبر داد. چیزی تغییر نکرد: از همکاری بخواهید که می‌تواند آن را باز کند.
avail-remove-booked = حذف و لغو نوبت‌های آن
avail-done-removed-booked = وقت حذف شد. نوبت‌های آن لغو شد و هر مراجعه‌کننده پیامی دربارهٔ آن دارد.
avail-doc-removed = ناچار شدیم نوبت شما در { $when } را لغو کنیم: این وقت دیگر در دسترس نیست. لطفاً وقت دیگری بگیرید یا همین‌جا برای ما بنویسید.
booking-weekday-long-1 = دوشنبه
booking-weekday-long-2 = سه‌شنبه
booking-weekday-long-3 = چهارشنبه
booking-weekday-long-4 = پنجشنبه
booking-weekday-long-5 = جمعه
booking-weekday-long-6 = شنبه
booking-weekday-long-7 = یکشنبه

## نوبت: برنامهٔ مشاور

staff-schedule = برنامه
schedule-title = برنامه
schedule-nav = حرکت در برنامه
schedule-previous = قبلی
schedule-next = بعدی
schedule-day = یک روز
schedule-week = همهٔ هفته
schedule-go-to = روز
schedule-show = نشان بده
schedule-week-of = هفتهٔ { $first } – { $last }
schedule-none = در این مدت نوبتی نیست.
schedule-call-we_call = ما به مراجعه‌کننده زنگ می‌زنیم
schedule-call-you_call = مراجعه‌کننده به ما زنگ می‌زند
schedule-phone = شماره تلفن مراجعه‌کننده
schedule-details = جزئیات
schedule-open-case = باز کردن پرونده
schedule-mark-done = علامت: انجام شد
schedule-mark-no-show = علامت: نیامد
schedule-cancel-message = پیام به مراجعه‌کننده دربارهٔ لغو
schedule-cancel-hint = مراجعه‌کننده آن را با کد پیگیری‌اش می‌خواند. این وقت برای کس دیگری آزاد می‌شود.
schedule-cancel-submit = لغو نوبت و ارسال پیام
schedule-done-outcome = نوبت علامت زده شد.
schedule-done-cancelled = نوبت لغو شد و پیام شما منتظر مراجعه‌کننده است.
schedule-not-current = کس دیگری این نوبت را پیش از شما تغییر داده است، پس کاری انجام نشد.
schedule-unreadable = این نوبت پیش از آنکه شما بتوانید پرونده‌اش را باز کنید گرفته شده، پس از اینجا نمی‌توان به مراجعه‌کننده پیام داد. کاری انجام نشد: از همکاری بخواهید که می‌تواند آن را باز کند.
schedule-error-summary = نوبت لغو نشد: اول برای مراجعه‌کننده پیامی بنویسید.
schedule-doc-cancelled = ناچار شدیم نوبت شما در { $when } را لغو کنیم.

## ثبت تماس تلفنی

kind-phone = تماس تلفنی
staff-phone = ثبت یک تماس
phone-title = ثبت تماس تلفنی
phone-intro = تماس را از طرف تماس‌گیرنده ثبت کنید. مثل هر درخواست دیگری رمزگذاری می‌شود. سپس یک کد پیگیری می‌گیرید که برای تماس‌گیرنده می‌خوانید، تا او بتواند به‌صورت نوشتاری ادامه دهد.
phone-errors = لطفاً این موارد را بررسی کنید
phone-off-duty = هیچ‌یک از خدمات شما اکنون در ساعات کاری نیست، پس نمی‌توان تماسی ثبت کرد. تماس‌ها در ساعات کاری هفتگی هر خدمت، و تا { $minutes ->
    [one] { $minutes } دقیقه
   *[other] { $minutes } دقیقه
} پس از پایان آن، ثبت می‌شوند.
phone-on-duty = ساعات کاری جاری: { $services }.
phone-error-off-duty = این خدمت اکنون در ساعات کاری نیست، پس تماس ثبت نشد. آنچه نوشتید در پایین نگه داشته شده است.
phone-name = نام تماس‌گیرنده (اختیاری)
phone-name-hint = فقط اگر نامی گفت: نامی که دوست دارد با آن صدایش کنند.
phone-text = تماس دربارهٔ چه بود
phone-text-hint = رمزگذاری‌شده: فقط مشاوران این خدمت، و تماس‌گیرنده با کد، می‌توانند آن را بخوانند.
phone-submit = ذخیره و نشان دادن کد
phone-receipt-title = این کد را برای تماس‌گیرنده بخوانید
phone-saved = تماس به عنوان پرونده‌ای از { $service } ذخیره شد.
phone-read-out = کد را آهسته و چهار حرف چهار حرف بخوانید. تماس‌گیرنده با آن می‌تواند در صفحهٔ بازگشت با کد، پاسخ‌های ما را بخواند و برای ما بنویسد.
phone-shown-once = این کد فقط همین یک بار نشان داده می‌شود. در هیچ جا ذخیره نمی‌شود و دوباره نشان داده نمی‌شود.
phone-again = ثبت تماسی دیگر
thread-phone-by = تماس تلفنی شما، که { $name } آن را نوشت
case-phone-by = تماس تلفنی، نوشتهٔ { $name }
avail-edit = تغییر
avail-edit-title = تغییر یک وقت
avail-edit-now = اکنون: { $when }
avail-edit-booked = { $count ->
    [one] { $count } نفر این وقت را گرفته است. اگر وقت را تغییر دهید، نوبت او لغو می‌شود و پیامی با وقت تازه می‌گیرد.
   *[other] { $count } نفر این وقت را گرفته‌اند. اگر وقت را تغییر دهید، نوبت‌هایشان لغو می‌شود و هر کدام پیامی با وقت تازه می‌گیرد.
}
avail-edit-save = ذخیرهٔ تغییر
avail-edit-back = بازگشت به وقت‌های آزاد
avail-done-edited = وقت تغییر کرد.
avail-done-edited-booked = وقت تغییر کرد. نوبت‌های آن لغو شد و هر مراجعه‌کننده پیامی با وقت تازه دارد.
avail-error-below-taken = تعداد جاها نمی‌تواند کمتر از جاهای گرفته شده باشد.
avail-doc-changed = ناچار شدیم نوبت شما در { $when } را لغو کنیم: این وقت به { $new } تغییر کرد. می‌توانید وقت تازه یا وقت دیگری بگیرید، یا همین‌جا برای ما بنویسید.
schedule-error-confirm = برای لغو نوبت، «مطمئن هستم» را علامت بزنید.

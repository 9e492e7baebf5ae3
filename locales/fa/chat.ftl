# Status: draft, needs review by a native speaker

# چت زنده: صفحه‌های مراجعه‌کننده.
chat-offer-heading = همین حالا چت کنید
chat-open = یک مشاور همین حالا می‌تواند با شما چت کند. به حساب کاربری یا نام نیازی ندارید.
chat-closed = چت اکنون بسته است.
chat-closed-next = چت اکنون بسته است. دفعهٔ بعد در { $when } باز می‌شود.
chat-no-one = چت باز است، ولی همین حالا هیچ مشاوری آزاد نیست. چند لحظه بعد دوباره تلاش کنید، یا در پایین پیامی بنویسید.
chat-full = صف انتظار چت اکنون پر است. بعداً دوباره تلاش کنید، یا در پایین پیامی بنویسید: ما به‌صورت نوشتاری پاسخ می‌دهیم.
chat-closed-now = چت شروع نشد: چت بسته است یا اکنون کسی برای چت حاضر نیست.
chat-name = با چه نامی صدایتان کنیم؟ (اختیاری)
chat-name-hint = هر نامی خوب است. می‌توانید این بخش را خالی بگذارید.
chat-start = شروع چت
chat-or-write = یا پیامی بنویسید
chat-title = چت – { $service }
chat-receipt-hint = این کد پیگیری شماست. همین حالا آن را یادداشت کنید: فقط یک بار نشان داده می‌شود. با آن می‌توانید این گفتگو و پاسخ‌های بعدی را بخوانید و دوباره برای ما بنویسید.
chat-status-next = نفر بعدی در صف شما هستید.
chat-status-ahead = { $ahead ->
    [one] { $ahead } نفر در صف پیش از شماست.
   *[other] { $ahead } نفر در صف پیش از شما هستند.
}
chat-status-usually = معمولاً کمتر از { $minutes ->
    [one] { $minutes } دقیقه
   *[other] { $minutes } دقیقه
} طول می‌کشد.
chat-status-with = شما با { $name } چت می‌کنید.
chat-status-active = یک مشاور با شما چت می‌کند.
chat-waiting-hint = در زمان انتظار هم می‌توانید بنویسید: مشاور وقتی چت شروع شود آن را می‌خواند. اگر این صفحه خودش تازه نمی‌شود، گاه‌گاهی دکمهٔ «دیدن پیام‌های تازه» را بزنید تا بدانیم هنوز اینجا هستید.
chat-conversation = گفتگو
chat-empty = هنوز پیامی نیست.
chat-your-message = پیام شما
chat-message-hint = برای فرستادن، دکمهٔ «ارسال» را بزنید. آنچه می‌نویسید پیش از ذخیره رمزگذاری می‌شود.
chat-send = ارسال
chat-check = دیدن پیام‌های تازه
chat-sending = در حال ارسال…
chat-connection-lost = اتصال قطع شد. پیام شما هنوز اینجاست: دوباره آن را بفرستید.
chat-too-fast = پیام‌ها را خیلی سریع می‌فرستید. کمی صبر کنید و دوباره بفرستید: پیام شما هنوز اینجاست.
chat-to-written = بیرون آمدن از صف و گرفتن پاسخ نوشتاری
chat-end = پایان دادن به چت
chat-you = شما
chat-counsellor = مشاور
chat-ended-title = چت تمام شد
chat-ended = چت تمام شد.
chat-ended-by-counsellor = مشاور چت را تمام کرد.
chat-ended-gone = چت تمام شد، چون مدتی از شما خبری نشد.
chat-ended-read-later = می‌توانید بعداً گفتگو را با کد پیگیری بخوانید و دوباره برای ما بنویسید.
chat-ended-not-kept = این خدمت گفتگوهای چت را نگه نمی‌دارد، پس نمی‌توان آن را دوباره خواند. با کد پیگیری هنوز می‌توانید برای ما بنویسید.
chat-written-title = پیام شما فرستاده شد
chat-written = { $service } به‌صورت نوشتاری پاسخ می‌دهد. پاسخ را با کد پیگیری بخوانید.
chat-not-started-title = چت شروع نشد
chat-none-title = هیچ چت بازی نیست
chat-none = در این مرورگر هیچ چت بازی نیست. شاید چت تمام شده باشد، یا مرورگر آن را فراموش کرده باشد.
chat-draft-kept = متنی که نوشتید (برای نگه داشتن، آن را کپی کنید)
chat-link-check = خواندن پاسخ‌ها با کد پیگیری
chat-link-services = همهٔ خدمات
chat-link-service = بازگشت به { $service }
kind-chat = چت
topic-chat = چت

# بخش مشاور.
staff-chat = چت
chat-console-title = چت
chat-duty = نوبت کاری چت
chat-duty-services = من در نوبت کاری چت هستم برای
chat-duty-no-services = شما عضو هیچ خدمتی نیستید.
chat-duty-capacity = چند چت را هم‌زمان می‌پذیرم
chat-duty-save = ذخیرهٔ نوبت کاری من
chat-mine = چت‌های من
chat-mine-none = هیچ چت بازی ندارید.
chat-waiting = در انتظار
chat-waiting-none = کسی در انتظار نیست.
chat-not-on-duty = شما در نوبت کاری چت نیستید. برای دیدن صف، خدمات خود را در بالا انتخاب کنید.
chat-waited = { $minutes ->
    [one] { $minutes } دقیقه منتظر بوده
   *[other] { $minutes } دقیقه منتظر بوده
}
chat-gone = رفته است؟
chat-take-next = پذیرفتن مراجعه‌کنندهٔ بعدی
chat-anonymous = ناشناس
chat-console-done-duty = نوبت کاری شما ذخیره شد.
chat-console-done-none-waiting = کسی در انتظار نیست که بتوان پذیرفت.
chat-console-done-full = شما همین حالا به اندازهٔ ظرفیت خود چت دارید.
chat-console-done-taken-by-other = کس دیگری این مراجعه‌کننده را پذیرفت.
chat-console-done-ended = چت تمام شد.
chat-console-done-handed = چت به دیگری سپرده شد.
chat-staff-title = چت با { $name }
chat-back-to-console = بازگشت به میز چت
chat-open-case = باز کردن پرونده
chat-client = مراجعه‌کننده
chat-staff-active = مراجعه‌کننده اینجاست.
chat-staff-gone = مدتی است از مراجعه‌کننده خبری نیست: شاید رفته باشد.
chat-staff-ended = چت تمام شد.
chat-staff-ended-client = مراجعه‌کننده چت را تمام کرد.
chat-staff-ended-gone = چت تمام شد: مراجعه‌کننده رفته بود.
chat-staff-ended-exit = مراجعه‌کننده با خروج سریع بیرون رفت.
chat-staff-handed = این چت اکنون با مشاور دیگری است.
chat-note = یادداشت خصوصی
chat-note-hint = فقط مشاوران این خدمت می‌توانند یادداشت‌ها را بخوانند.
chat-note-save = ذخیرهٔ یادداشت
chat-note-by = یادداشت از { $name }
chat-hand-over-to = سپردن چت به
chat-hand-over = سپردن
chat-staff-end = پایان دادن به چت
chat-error-ended = چت تمام شده است؛ دیگر چیزی فرستاده نمی‌شود.
chat-error-hand-over = چت سپرده نشد: مشاوری را انتخاب کنید که در نوبت کاری است.
chat-settings-heading = ساعات چت
chat-settings-link = ساعات چت { $service }
chat-settings-title = تنظیمات چت – { $service }
chat-settings-hours = ساعات چت
chat-settings-hours-hint = به ساعت منطقهٔ زمانی خود خدمت، به شکل HH:MM (برای نیمه‌شب 24:00). اگر روزی چت ندارد، آن را خالی بگذارید.
chat-settings-from = از
chat-settings-until = تا
chat-settings-queue-max = چند نفر می‌توانند در صف منتظر بمانند
chat-settings-keep = نگه داشتن گفتگو پس از پایان چت
chat-settings-keep-hint = اگر نگه داشته نشود، پیام‌ها با پایان چت پاک می‌شوند؛ پرونده با کد پیگیری مراجعه‌کننده باقی می‌ماند.
chat-settings-save = ذخیره
chat-settings-saved = تنظیمات چت ذخیره شد.
chat-settings-error-hours = { $day }: هر دو ساعت را به شکل HH:MM بنویسید، و شروع پیش از پایان باشد.
chat-settings-error-queue = اندازهٔ صف را عددی از 1 تا 1000 بنویسید.
audit-action-chat-take = یک چت را پذیرفت
audit-action-chat-end = یک چت را تمام کرد
audit-action-chat-hand-over = یک چت را به دیگری سپرد
audit-action-chat-settings = تنظیمات چت را تغییر داد
